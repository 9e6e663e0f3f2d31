"""How the window looks: renders of the sample at two sizes, light and dark, English and Swedish.

Each render is saved as a PNG (into ``tmp_path``, or into ``$PROOFPAIR_LOOK_DIR`` to keep them
and look at them) and checked for what can go wrong without anyone noticing: a blank window,
a dark theme that renders light (or the reverse), menus left in English after a switch to
Swedish, the current change scrolled out of either pane, inspector values cut off.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from ui_fixtures import app_restored, isolated_settings, open_and_wait, shown_window  # noqa: F401

pytestmark = pytest.mark.gui

SIZES = ((1400, 900), (1024, 700))


@pytest.fixture
def look_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PROOFPAIR_LOOK_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder



def luminance_stats(image: QImage) -> tuple[float, float]:
    """Mean and standard deviation of the relative luminance (0..1) over a sample grid."""
    small = image.scaled(280, 180)
    values = []
    for y in range(small.height()):
        for x in range(small.width()):
            c = small.pixelColor(x, y)
            values.append(0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF())
    mean = sum(values) / len(values)
    return mean, (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def current_change_visible(pane, start: int, end: int) -> bool:
    rect = pane.cursorRect(pane.cursor_for(start, start)).united(pane.cursorRect(pane.cursor_for(end, end)))
    return pane.viewport().rect().intersects(rect) and pane.viewport().rect().contains(rect.topLeft())


def label_fits(label) -> bool:
    """A word-wrapped value label is tall enough for its text at its width; one that scrolls
    within a few lines (ui.inspector.BoundedValue) is given all of those lines."""
    if not label.text() or not label.isVisible():
        return True
    area = label.parentWidget().parentWidget() if label.parentWidget() else None
    if hasattr(area, "heightForWidth") and hasattr(area, "fits"):
        return area.heightForWidth(area.width()) <= area.height() + 1
    needed = label.heightForWidth(label.width())
    return needed <= label.height() + 1


def test_renders_light_dark_english_swedish(qtbot, app_restored, sample_paths, look_dir):
    with shown_window(qtbot, *SIZES[0]) as win:
        open_and_wait(qtbot, win, *sample_paths, timeout=20000)
        problems = []
        for language in ("en", "sv"):
            win.set_language(language)
            for theme in ("light", "dark"):
                win.set_theme(theme)
                for width, height in SIZES:
                    win.resize(width, height)
                    win.go_to_section(win.review.sections[0].key)
                    qtbot.wait(30)  # let the resize and the layouts settle
                    name = f"window-{width}x{height}-{theme}-{language}.png"
                    image = win.grab().toImage()
                    assert image.save(str(look_dir / name)), name
                    problems += check_render(win, image, theme, language, name)
        assert not problems, "\n".join(problems)


def check_render(win, image: QImage, theme: str, language: str, name: str) -> list[str]:
    problems = []
    mean, spread = luminance_stats(image)
    if spread < 0.05:
        problems.append(f"{name}: looks blank (luminance spread {spread:.3f})")
    if theme == "dark" and mean > 0.35:
        problems.append(f"{name}: dark theme renders light (mean luminance {mean:.2f})")
    if theme == "light" and mean < 0.6:
        problems.append(f"{name}: light theme renders dark (mean luminance {mean:.2f})")
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    expected = {"en": "File", "sv": "Arkiv"}[language]
    if expected not in titles:
        problems.append(f"{name}: menu titles {titles} lack {expected!r}")
    change = win.review.change(win.current_change)
    for pane, span in ((win.panes.base, change.base), (win.panes.reference, change.reference)):
        if not current_change_visible(pane, span.start, span.end):
            problems.append(f"{name}: the current change is outside the {pane.accessibleName()} viewport")
    inspector = win.inspector
    for label in (inspector.section_label, inspector.kind_label, inspector.base_label,
                  inspector.reference_label, inspector.suggestion_label, inspector.decision_label):
        if not label_fits(label):
            problems.append(f"{name}: inspector value {label.accessibleName()!r} is cut off: {label.text()!r}")
        if label.geometry().right() > inspector.width():
            problems.append(f"{name}: inspector value {label.accessibleName()!r} runs past the edge")
    for label in (win.panes.base_label, win.panes.reference_label):  # elided, never cut mid-word
        if label.fontMetrics().horizontalAdvance(label.text()) > label.width():
            problems.append(f"{name}: pane title {label.text()!r} is cut off")
    listing = win.change_list
    header = listing.view.horizontalHeader()
    for column in range(header.count()):
        title = str(listing.model.headerData(column, Qt.Orientation.Horizontal))
        if header.fontMetrics().horizontalAdvance(title) + 8 > header.sectionSize(column):
            problems.append(f"{name}: change-list header {title!r} is cut off")
    for combo in (listing.kind_filter, listing.verdict_filter):
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30 > combo.width():
            problems.append(f"{name}: filter {combo.currentText()!r} is cut off")
    if not QRect(0, 0, image.width(), image.height()).contains(win.inspector.accept_button.geometry()):
        problems.append(f"{name}: the Accept button is off screen")
    edit = win.inspector.edit_button
    if edit.mapTo(win, edit.rect().topRight()).x() > win.width() - 4:
        problems.append(f"{name}: the Edit button touches the window's edge")
    tree = win.navigator.header()
    for column in range(tree.count()):
        title = str(win.navigator_model.headerData(column, Qt.Orientation.Horizontal))
        if tree.fontMetrics().horizontalAdvance(title) + 8 > tree.sectionSize(column):
            problems.append(f"{name}: section header {title!r} is cut off")
    return problems


REWRITTEN = ("Under året har länsstyrelsen tillsammans med kommunerna i länet och den regionala "
             "hälso- och sjukvården arbetat fram nya gemensamma riktlinjer för barn, unga och vuxna "
             "med psykisk ohälsa, med tydligare ansvarsfördelning, gemensamma mätetal och en "
             "årlig uppföljning som redovisas för samtliga huvudmän. Riktlinjerna ska göra det "
             "enklare för verksamheterna att samarbeta över organisationsgränser, minska dubbelarbete "
             "och se till att den enskilde får rätt stöd i rätt tid. Länsstyrelsen leder de lokala "
             "grupperna och sammanställer resultaten i en gemensam rapport varje höst.")


@pytest.fixture
def long_change_pair(tmp_path: Path, sample_paths) -> tuple[Path, Path]:
    """The sample with its first paragraph rewritten in the reference: a change of 600
    characters on each side, in the first section."""
    base, reference = sample_paths
    text = reference.read_text(encoding="utf-8")
    start = text.index("Förvaltningen har i samverkan")
    end = text.index("\n\n", start)
    assert end - start > 500
    (tmp_path / "ocr.txt").write_bytes(base.read_bytes())
    (tmp_path / "digital.txt").write_text(text[:start] + REWRITTEN + text[end:], encoding="utf-8")
    return tmp_path / "ocr.txt", tmp_path / "digital.txt"


def inspector_overlaps(inspector) -> list[str]:
    """Row labels and values of the inspector that overlap one another (in the inspector's
    coordinates), and values whose text can neither be seen whole nor scrolled to."""
    form, problems = inspector.form, []
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        field = form.itemAt(row, form.ItemRole.FieldRole).widget()
        rows.append((label.text(), label.geometry(), field.geometry(), field))
    for i, (name, label_box, field_box, field) in enumerate(rows):
        for other_name, other_label, other_field, _ in rows:
            for what, box in ((f"{other_name} value", other_field), (f"{other_name} label", other_label)):
                if what != f"{name} label" and label_box.intersects(box):
                    problems.append(f"the {name} label overlaps the {what}")
        for other_name, _other_label, other_field, _ in rows[i + 1:]:
            if field_box.intersects(other_field):
                problems.append(f"the {name} value overlaps the {other_name} value")
        if field.height() + 1 < field.heightForWidth(field.width()):
            problems.append(f"the {name} value is squeezed to {field.height()} px")
        bar = getattr(field, "verticalScrollBar", None)
        if bar is not None and not field.fits() and bar().maximum() == 0:
            problems.append(f"the {name} value is cut off with nothing to scroll")
    buttons_top = inspector.accept_button.geometry().top()
    if any(field_box.bottom() > buttons_top for _n, _l, field_box, _f in rows):
        problems.append("a value runs under the Accept button")
    return problems


def test_a_long_change_keeps_the_inspector_laid_out(qtbot, app_restored, long_change_pair, look_dir):
    """At 1024×700 a change of 600 characters per side scrolls inside its value: the window is
    not forced taller, no label overlaps a value, the change list keeps some rows."""
    with shown_window(qtbot, *SIZES[1]) as win:
        open_and_wait(qtbot, win, *long_change_pair, timeout=20000)
        long = max(win.review.changes, key=lambda c: min(len(c.base_text), len(c.reference_text)))
        assert min(len(long.base_text), len(long.reference_text)) > 500
        problems = []
        for language in ("en", "sv"):
            win.set_language(language)
            for theme in ("light", "dark"):
                win.set_theme(theme)
                for editing in (False, True):
                    win.go_to_change(long.id)
                    if editing:
                        win.inspector.begin_edit()
                    qtbot.wait(30)
                    name = f"long-change-{theme}-{language}{'-editing' if editing else ''}.png"
                    assert win.grab().save(str(look_dir / name))
                    problems += [f"{name}: {p}" for p in inspector_overlaps(win.inspector)]
                    if win.height() > SIZES[1][1]:
                        problems.append(f"{name}: the window was forced to {win.height()} px tall")
                    if win.change_list.view.viewport().height() < 3 * win.change_list.view.verticalHeader().defaultSectionSize():
                        problems.append(f"{name}: the change list shows fewer than three rows")
                    base = win.inspector.field(win.inspector.base_label)
                    if base.fits():
                        problems.append(f"{name}: the 600-character base text did not need to scroll")
                    if editing:
                        qtbot.keyClick(win.inspector.editor.text_edit, Qt.Key.Key_Escape)
        assert not problems, "\n".join(problems)
