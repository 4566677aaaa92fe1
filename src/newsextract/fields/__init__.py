"""The news-field grammars: agencies, datelines, bylines, photo credits, printed dates."""
