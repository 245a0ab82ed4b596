//! Windowed rendering of long tables, as pure arithmetic (tested natively).
//!
//! A long table (the figures grid, the results matrix, the ranking) is a vertically scrolling
//! region of bounded height. Only the rows in view plus an overscan above and below are in the
//! DOM; a spacer row above and one below stand for the rows that are not, so that the region
//! scrolls over the full height. [`span`] says which rows to render and how tall the spacers are,
//! from where the region is scrolled to, how tall it is and how tall a row is (measured from the
//! rendered rows at run time, so that zoom and font size are followed).
//!
//! Tables of at most [`ALWAYS_ALL`] rows are always rendered whole. While the row height is not
//! known yet, a safe first chunk of [`FIRST_CHUNK`] rows is rendered, and measured. Rows of uneven
//! height (the results matrix) are placed with one estimate, kept until the page is resized, so
//! that the same scroll position always shows the same rows; where the rows in view turn out
//! shorter than the estimate, [`fill`] renders more below them.

/// Tables with at most this many rows are rendered whole (the 5 units of a cluster, say).
pub const ALWAYS_ALL: usize = 40;

/// Rows rendered while the row height is unknown (nothing measured yet, or the region is not
/// laid out: off screen, hidden).
pub const FIRST_CHUNK: usize = 40;

/// Rows rendered above and below the ones in view.
pub const OVERSCAN: usize = 4;

/// The rows to render: `start..end` (positions in the table's body), with the heights in pixels
/// of the spacers that stand for the rows before and after them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Span {
    /// The first rendered row.
    pub start: usize,
    /// One past the last rendered row.
    pub end: usize,
    /// Height of the spacer before the first rendered row.
    pub before: f64,
    /// Height of the spacer after the last rendered row.
    pub after: f64,
}

impl Span {
    /// Every row, no spacer.
    pub fn all(rows: usize) -> Span {
        Span {
            start: 0,
            end: rows,
            before: 0.0,
            after: 0.0,
        }
    }

    /// Whether the row at `pos` is rendered.
    pub fn contains(&self, pos: usize) -> bool {
        (self.start..self.end).contains(&pos)
    }

    /// How many rows are rendered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether no row is rendered.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A length that can be used: finite and above zero.
fn usable(x: f64) -> Option<f64> {
    (x.is_finite() && x > 0.0).then_some(x)
}

/// The rows to render.
///
/// - `offset`: how far the region is scrolled past the top of the first body row, in pixels
///   (negative while the caption and header are still in view);
/// - `viewport`: the height of the region in pixels (0 when it is not laid out);
/// - `row_height`: a row's measured height in pixels (0 or not finite when unknown);
/// - `rows`: how many body rows the table has; `overscan`: rows rendered beyond those in view.
///
/// Scrolled past the end (the table got shorter), the last rows are rendered. An unknown row
/// height gives the first [`FIRST_CHUNK`] rows; an unknown viewport counts as [`FIRST_CHUNK`]
/// rows tall.
pub fn span(offset: f64, viewport: f64, row_height: f64, rows: usize, overscan: usize) -> Span {
    if rows <= ALWAYS_ALL {
        return Span::all(rows);
    }
    let Some(h) = usable(row_height) else {
        return Span {
            start: 0,
            end: rows.min(FIRST_CHUNK),
            before: 0.0,
            after: 0.0,
        };
    };
    let offset = if offset.is_finite() {
        offset.max(0.0)
    } else {
        0.0
    };
    // Rows in view: enough to cover the viewport even when it starts in the middle of a row.
    let in_view = match usable(viewport) {
        Some(v) => ((v / h).ceil() as usize).saturating_add(1),
        None => FIRST_CHUNK,
    }
    .min(rows);
    let first = ((offset / h).floor() as usize).min(rows);
    let end = first
        .saturating_add(in_view)
        .saturating_add(overscan)
        .min(rows);
    let start = first
        .min(end.saturating_sub(in_view))
        .saturating_sub(overscan);
    Span {
        start,
        end,
        before: start as f64 * h,
        after: (rows - end) as f64 * h,
    }
}

/// `s`, or — when it does not hold row `pos` (scroll estimates fall short, e.g. at the end of a
/// table of uneven rows) — as many rows around `pos`, so that a row asked for is always rendered.
pub fn include(s: Span, pos: usize, row_height: f64, rows: usize, overscan: usize) -> Span {
    if pos >= rows || s.contains(pos) {
        return s;
    }
    let len = s.len().max(1 + 2 * overscan);
    let end = pos.saturating_sub(overscan).saturating_add(len).min(rows);
    let start = end.saturating_sub(len).min(pos.saturating_sub(overscan));
    let h = usable(row_height).unwrap_or(0.0);
    Span {
        start,
        end,
        before: start as f64 * h,
        after: (rows - end) as f64 * h,
    }
}

/// `s` with more rows after it when the rows rendered end `gap` pixels above the bottom of the
/// view (they were shorter than `row_height`, the estimate the window was computed with): enough
/// rows of that height to fill the gap, and one more.
pub fn fill(s: Span, gap: f64, row_height: f64, rows: usize) -> Span {
    let (Some(gap), Some(h)) = (usable(gap), usable(row_height)) else {
        return s;
    };
    if s.end >= rows {
        return s;
    }
    let more = ((gap / h).ceil() as usize).saturating_add(1);
    let end = s.end.saturating_add(more).min(rows);
    Span {
        end,
        after: (rows - end) as f64 * h,
        ..s
    }
}

/// The scroll position that brings row `pos` into view, or `None` when it is in view already.
///
/// Positions are in pixels from the top of the region's content: `scroll_top` is where the
/// region is scrolled to, `viewport` its height, `body_top` where the first body row starts and
/// `sticky` the height of the header that stays at the top of the region while it scrolls.
/// Rows are taken to be `row_height` tall, as the spacers assume.
pub fn reveal(
    pos: usize,
    row_height: f64,
    scroll_top: f64,
    viewport: f64,
    body_top: f64,
    sticky: f64,
) -> Option<f64> {
    let h = usable(row_height)?;
    let top = body_top + pos as f64 * h;
    let bottom = top + h;
    let sticky = if sticky.is_finite() {
        sticky.max(0.0)
    } else {
        0.0
    };
    if top < scroll_top + sticky {
        Some((top - sticky).max(0.0))
    } else if usable(viewport).is_some_and(|v| bottom > scroll_top + v) {
        Some((bottom - viewport).max(0.0))
    } else {
        None
    }
}

/// The average of measured row heights, ignoring those that are not usable (a row not laid
/// out measures 0); `None` when none is.
pub fn average_height(heights: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = heights
        .into_iter()
        .filter_map(usable)
        .fold((0.0, 0usize), |(s, n), h| (s + h, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Whether a newly measured row height differs enough from the one in use to render again
/// (half a pixel, so that rounding does not make the window move back and forth).
pub fn height_changed(old: f64, new: f64) -> bool {
    match (usable(old), usable(new)) {
        (Some(a), Some(b)) => (a - b).abs() > 0.5,
        (None, Some(_)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: f64 = 30.0;

    fn covers(s: &Span, offset: f64, viewport: f64, h: f64, rows: usize) {
        // Every row at least partly in view is rendered.
        let first = (offset / h).floor() as usize;
        let last = (((offset + viewport) / h).ceil() as usize).min(rows);
        for pos in first.min(rows.saturating_sub(1))..last {
            assert!(s.contains(pos), "{pos} in view but not rendered: {s:?}");
        }
    }

    #[test]
    fn no_rows() {
        assert_eq!(span(0.0, 500.0, H, 0, OVERSCAN), Span::all(0));
        assert!(span(1e6, 500.0, H, 0, OVERSCAN).is_empty());
    }

    #[test]
    fn small_tables_are_whole() {
        for rows in [1, 5, ALWAYS_ALL] {
            let s = span(300.0, 100.0, H, rows, 0);
            assert_eq!(s, Span::all(rows));
            assert_eq!((s.before, s.after), (0.0, 0.0));
        }
    }

    #[test]
    fn top_of_a_long_table() {
        let s = span(0.0, 600.0, H, 1000, OVERSCAN);
        assert_eq!(s.start, 0);
        // 600 / 30 = 20 rows, one more for a partial row, and the overscan.
        assert_eq!(s.end, 21 + OVERSCAN);
        assert_eq!(s.before, 0.0);
        assert_eq!(s.after, (1000 - s.end) as f64 * H);
        covers(&s, 0.0, 600.0, H, 1000);
    }

    #[test]
    fn caption_and_header_still_in_view() {
        // Negative offset: the body starts below the top of the region.
        assert_eq!(
            span(-120.0, 600.0, H, 1000, OVERSCAN),
            span(0.0, 600.0, H, 1000, OVERSCAN)
        );
    }

    #[test]
    fn middle_of_a_long_table() {
        let offset = 500.0 * H + 7.0;
        let s = span(offset, 600.0, H, 1000, OVERSCAN);
        assert_eq!(s.start, 500 - OVERSCAN);
        assert_eq!(s.end, 500 + 21 + OVERSCAN);
        assert_eq!(s.before, s.start as f64 * H);
        assert_eq!(s.after, (1000 - s.end) as f64 * H);
        // Spacers and rows add up to the full height.
        assert_eq!(s.before + s.len() as f64 * H + s.after, 1000.0 * H);
        covers(&s, offset, 600.0, H, 1000);
    }

    #[test]
    fn bottom_and_past_the_end() {
        let full = 1000.0 * H;
        let at_end = span(full - 600.0, 600.0, H, 1000, OVERSCAN);
        assert_eq!(at_end.end, 1000);
        assert_eq!(at_end.after, 0.0);
        covers(&at_end, full - 600.0, 600.0, H, 1000);
        // Scrolled far beyond the end (the table became shorter): the last rows, not nothing.
        let past = span(10.0 * full, 600.0, H, 1000, OVERSCAN);
        assert_eq!(past.end, 1000);
        assert_eq!(past.start, 1000 - 21 - OVERSCAN);
        assert_eq!(past.after, 0.0);
        assert_eq!(past.before, past.start as f64 * H);
        assert!(!past.is_empty());
    }

    #[test]
    fn unknown_row_height_gives_a_first_chunk() {
        for h in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let s = span(5000.0, 600.0, h, 1000, OVERSCAN);
            assert_eq!(
                s,
                Span {
                    start: 0,
                    end: FIRST_CHUNK,
                    before: 0.0,
                    after: 0.0
                },
                "{h}"
            );
        }
        // Fewer rows than a chunk (but more than ALWAYS_ALL would be needed for that to matter).
        assert_eq!(span(0.0, 600.0, 0.0, 45, 2).end, FIRST_CHUNK.min(45));
    }

    #[test]
    fn unknown_viewport_or_offset() {
        // A region that is not laid out measures 0 tall: a chunk from the offset.
        let s = span(300.0 * H, 0.0, H, 1000, OVERSCAN);
        assert_eq!(s.start, 300 - OVERSCAN);
        assert_eq!(s.end, 300 + FIRST_CHUNK + OVERSCAN);
        let s = span(f64::NAN, 600.0, H, 1000, OVERSCAN);
        assert_eq!(s.start, 0);
    }

    #[test]
    fn viewport_taller_than_the_table() {
        let s = span(0.0, 1e9, H, 1000, OVERSCAN);
        assert_eq!(s, Span::all(1000));
    }

    #[test]
    fn every_offset_is_covered() {
        for rows in [41, 63, 1000] {
            for step in 0..200 {
                let offset = step as f64 * 37.3;
                let s = span(offset, 450.0, 27.5, rows, 3);
                assert!(s.start <= s.end && s.end <= rows);
                assert!(
                    (s.before + s.len() as f64 * 27.5 + s.after - rows as f64 * 27.5).abs() < 1e-6
                );
                if offset < rows as f64 * 27.5 {
                    covers(&s, offset, 450.0, 27.5, rows);
                }
            }
        }
    }

    #[test]
    fn reveal_scrolls_only_when_needed() {
        // Region 600 tall, body from 100, sticky header 60, scrolled to 3000.
        let at = |pos| reveal(pos, H, 3000.0, 600.0, 100.0, 60.0);
        // Row 100 is at 3100..3130: in view.
        assert_eq!(at(100), None);
        // Row 97 (3010) is under the sticky header: scroll up so that it shows below it.
        assert_eq!(at(97), Some(100.0 + 97.0 * H - 60.0));
        // Row 200 (6100..6130) is below: scroll so that its bottom is at the bottom.
        assert_eq!(at(200), Some(100.0 + 201.0 * H - 600.0));
        // Unknown height: nothing to compute.
        assert_eq!(reveal(5, 0.0, 0.0, 600.0, 0.0, 0.0), None);
        // Never above the top.
        assert_eq!(reveal(0, H, 50.0, 600.0, 10.0, 60.0), Some(0.0));
    }

    #[test]
    fn a_row_asked_for_is_included() {
        let s = span(0.0, 600.0, H, 1000, OVERSCAN);
        // Already there: unchanged.
        assert_eq!(include(s, 3, H, 1000, OVERSCAN), s);
        // Elsewhere: a window of the same length around it.
        let t = include(s, 700, H, 1000, OVERSCAN);
        assert!(t.contains(700));
        assert_eq!(t.len(), s.len());
        assert_eq!(t.start, 700 - OVERSCAN);
        assert_eq!(t.before, t.start as f64 * H);
        assert_eq!(t.after, (1000 - t.end) as f64 * H);
        // The last row.
        let t = include(s, 999, H, 1000, OVERSCAN);
        assert_eq!((t.end, t.len()), (1000, s.len()));
        // No such row: unchanged.
        assert_eq!(include(s, 1000, H, 1000, OVERSCAN), s);
        // An empty window grows to hold the row.
        let t = include(Span::all(0), 50, 0.0, 100, 2);
        assert!(t.contains(50) && t.len() == 5 && t.before == 0.0);
    }

    #[test]
    fn a_gap_at_the_bottom_is_filled() {
        let s = span(300.0 * H, 600.0, H, 1000, OVERSCAN);
        // Rendered rows end 100 px above the bottom of the view: 4 rows of 30 px more (100 / 30
        // rounded up, and one).
        let t = fill(s, 100.0, H, 1000);
        assert_eq!((t.start, t.before), (s.start, s.before));
        assert_eq!(t.end, s.end + 5);
        assert_eq!(t.after, (1000 - t.end) as f64 * H);
        // No gap, an unknown height, or already at the end: unchanged.
        assert_eq!(fill(s, 0.0, H, 1000), s);
        assert_eq!(fill(s, -20.0, H, 1000), s);
        assert_eq!(fill(s, 100.0, 0.0, 1000), s);
        let last = span(1e9, 600.0, H, 1000, OVERSCAN);
        assert_eq!(fill(last, 100.0, H, 1000), last);
        // Never past the last row.
        assert_eq!(fill(s, 1e9, H, 1000).end, 1000);
        assert_eq!(fill(s, 1e9, H, 1000).after, 0.0);
    }

    #[test]
    fn heights() {
        assert_eq!(average_height([30.0, 0.0, 32.0, f64::NAN]), Some(31.0));
        assert_eq!(average_height([0.0]), None);
        assert_eq!(average_height(Vec::new()), None);
        assert!(height_changed(0.0, 30.0));
        assert!(height_changed(30.0, 31.0));
        assert!(!height_changed(30.0, 30.4));
        assert!(!height_changed(30.0, 0.0));
    }
}
