"""History points come from the worker's fold: per change, and per interval as `--as-of` would refold."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PIL import Image

from services.history.log import FiredAlert
from services.history.plot import save
from services.history.series import per_change, per_interval, point
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from tests.unit.streams.factories import HOUR, REGION, SEED_AT, figure, report, statement

LOG = [
    report("a1", at=SEED_AT, casualties=(figure(27),), ceasefire=(statement("agreed"),)),
    report("a2", at=SEED_AT + 5 * HOUR, casualties=(figure(32),)),
    report("a3", at=SEED_AT + 30 * HOUR, casualties=(figure(200),), ceasefire=(statement("violated"),)),
    # late in the log: published before a3 (another outlet's 30, one more source)
    report("a4", at=SEED_AT + 2 * HOUR, outlet="other", casualties=(figure(30, source="ministry"),)),
    report("elsewhere", region="gaza", casualties=(figure(5),)),
]


def as_of(moment_offset: timedelta) -> object:
    """What `sitmon situation --as-of` gives: every report published by then, in log order."""
    moment = SEED_AT + moment_offset
    state = new_region(REGION)
    fold_into(state, [r for r in LOG if r.region == REGION and r.published_at <= moment])
    return point(snapshot(state, moment), "all")


def test_one_point_per_report_folded() -> None:
    points = list(per_change(LOG, REGION))
    assert [p.killed_best for p in points][:3] == [27, 32, 200]
    assert [p.ceasefire for p in points] == ["agreed", "agreed", "violated", "violated"]
    assert [p.sequence for p in points] == [1, 2, 3, 4]
    assert (points[-1].killed_low, points[-1].killed_high) == (30, 200)  # the late a4 is another source


def test_interval_points_equal_a_refold_as_of_each_moment_even_with_a_late_report() -> None:
    points = list(per_interval(LOG, REGION, timedelta(hours=4), since=SEED_AT))
    assert [p.time - SEED_AT for p in points] == [timedelta(hours=4 * n) for n in range(1 + 30 // 4)]
    assert points[1].killed_high == 30 and points[1].article_id == "a4"  # a4 (published at +2 h) refolded in
    for p in points:
        assert p == as_of(p.time - SEED_AT)


def test_since_and_until_bound_the_points_not_the_fold() -> None:
    points = list(per_change(LOG, REGION, since=SEED_AT + 4 * HOUR, until=SEED_AT + 10 * HOUR))
    assert [p.article_id for p in points] == ["a2"]
    assert points[0].killed_best == 32 and points[0].ceasefire == "agreed"  # a1 still folded before


def test_a_plot_with_alerts_is_a_png(tmp_path: Path) -> None:
    points = list(per_change(LOG, REGION))
    alerts = [FiredAlert(SEED_AT + 30 * HOUR, "casualties", "red", "casualties_24h")]
    save(points, alerts, "test", tmp_path / "p.png")
    with Image.open(tmp_path / "p.png") as image:
        assert image.format == "PNG" and image.size[0] > 500
