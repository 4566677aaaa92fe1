"""Every rule table, threshold and phrase list of the extraction lives in `rules/`.

The stages (`pipeline/`), the news-field grammars (`fields/`) and `explain` read their tables
from `rules/`; a literal table written into one of them, or a numeric limit defined beside
the code, is a rule outside its home. The check reads the source, so it holds for tables
inside functions too (`if word in {"the", "of", "for"}`).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsextract"
CHECKED = sorted(
    [*PACKAGE.glob("pipeline/*.py"), *PACKAGE.glob("fields/*.py"), PACKAGE / "explain.py"]
)

# Three strings make a table; a pair is most often a tag and its twin (`("ul", "ol")`) or a
# trace entry (`("caption", why)`).
MIN_TABLE_ENTRIES = 3
# Numbers at module level that are not rules: memo sizes change no output, only memory
# (`rules.thresholds` says so), and metadata's verdict bits are flags, not limits; the text
# report's preview width is display.
NOT_RULES = {
    "MAX_REMEMBERED_NAMES",
    "MAX_REMEMBERED_CLASSES",
    "MAX_REMEMBERED_WEIGHTS",
    "MAX_REMEMBERED_PAIRS",
    "MAX_REMEMBERED_ANSWERS",
    "_BYLINE",
    "_TAG_LIST",
    "_DATE",
    "_MODIFIED",
    "_SOURCE",
    "_BOX",
    "TEXT_PREVIEW_CHARS",
}
# Tables still outside `rules/`, each with why; the list may only shrink.
KNOWN = {
    # dateparser's settings, not a rule of ours.
    ("fields/dates.py", ("day", "month", "year")),
}


def _strings(node: ast.AST) -> tuple[str, ...] | None:
    """The literal strings of a set, tuple, list or dict display (a dict's keys), or None."""
    if isinstance(node, ast.Dict):
        # A dict is a table when its values are literals too (not a JSON object being built).
        if not all(isinstance(v, ast.Constant) for v in node.values):
            return None
        items: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        items = list(node.elts)
    else:
        return None
    values = [i.value for i in items if isinstance(i, ast.Constant)]
    if len(values) < MIN_TABLE_ENTRIES or not all(isinstance(v, str) for v in values):
        return None
    return tuple(values)


def _tables(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    return _tables_in(path, PACKAGE)


def _tables_in(path: Path, root: Path) -> list[tuple[str, tuple[str, ...]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exports = {
        id(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    name = path.relative_to(root).as_posix()
    found = []
    for node in ast.walk(tree):
        strings = _strings(node)
        if strings is not None and id(node) not in exports:
            found.append((name, strings))
    return found


def _numbers(path: Path) -> list[str]:
    return _numbers_in(path, PACKAGE)


def _numbers_in(path: Path, root: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Constant)
            and isinstance(value.value, (int, float))
            and not isinstance(value.value, bool)
            and target.id not in NOT_RULES
        ):
            found.append(f"{path.relative_to(root).as_posix()}: {target.id}")
    return found


def test_no_literal_table_outside_rules() -> None:
    found = {table for path in CHECKED for table in _tables(path)}
    assert sorted(found - KNOWN) == []


def test_no_numeric_limit_outside_rules() -> None:
    assert [number for path in CHECKED for number in _numbers(path)] == []


def test_the_check_sees_a_table_and_a_limit(tmp_path: Path) -> None:
    page = tmp_path / "stage.py"
    page.write_text("LIMIT = 3\n\ndef f(w):\n    return w in {'a', 'b', 'c'}\n", encoding="utf-8")
    assert [table for _, table in _tables_in(page, tmp_path)] == [("a", "b", "c")]
    assert _numbers_in(page, tmp_path) == ["stage.py: LIMIT"]
