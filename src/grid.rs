//! The data grid's layout and paste parsing, kept pure so that they are tested natively.
//!
//! Columns are the pact's indicators grouped by the first content whose targets read them (in the
//! pact's indicator order within a group, then the indicators no target reads), each with a
//! current and a baseline column. Rows are units.

use thidua_core::data::PeriodKind;
use thidua_core::model::{Id, Pact};

/// One column of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The indicator.
    pub indicator: Id,
    /// The period.
    pub period: PeriodKind,
}

/// A group of columns under a content heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The content id, or `None` for indicators no target reads.
    pub content: Option<Id>,
    /// The indicators of the group, in order.
    pub indicators: Vec<Id>,
}

/// Indicators grouped by the first content that reads them.
pub fn groups(pact: &Pact) -> Vec<Group> {
    let mut placed: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for c in &pact.contents {
        let mut inds = Vec::new();
        for t in &c.targets {
            for id in t.rule.indicators() {
                if !placed.contains(&id.as_str()) && pact.indicator(id).is_some() {
                    placed.push(id);
                    inds.push(id.clone());
                }
            }
        }
        // Within a content, in the pact's own order (occurred before solved).
        let place = |id: &Id| pact.indicators.iter().position(|d| &d.id == id);
        inds = thidua_core::order::sorted_positions(inds.len(), &|a, b| {
            place(&inds[a]).cmp(&place(&inds[b]))
        })
        .into_iter()
        .map(|i| inds[i].clone())
        .collect();
        if !inds.is_empty() {
            out.push(Group {
                content: Some(c.id.clone()),
                indicators: inds,
            });
        }
    }
    let rest: Vec<Id> = pact
        .indicators
        .iter()
        .filter(|d| !placed.contains(&d.id.as_str()))
        .map(|d| d.id.clone())
        .collect();
    if !rest.is_empty() {
        out.push(Group {
            content: None,
            indicators: rest,
        });
    }
    out
}

/// The grid's columns in order: for each indicator, current then baseline.
pub fn columns(pact: &Pact) -> Vec<Column> {
    groups(pact)
        .into_iter()
        .flat_map(|g| g.indicators)
        .flat_map(|indicator| {
            [PeriodKind::Current, PeriodKind::Baseline].map(|period| Column {
                indicator: indicator.clone(),
                period,
            })
        })
        .collect()
}

/// How many values of a block pasted at (`row`, `col`) fall outside a grid of `rows` × `cols`:
/// they are not pasted, and the person is told how many. Empty cells lose nothing and are not
/// counted.
pub fn outside(cells: &[Vec<String>], row: usize, col: usize, rows: usize, cols: usize) -> usize {
    cells
        .iter()
        .enumerate()
        .map(|(r, line)| {
            line.iter()
                .enumerate()
                .filter(|(c, text)| (row + r >= rows || col + c >= cols) && !text.trim().is_empty())
                .count()
        })
        .sum()
}

/// Splits pasted text (from Excel or LibreOffice) into rows of cells: rows by line breaks
/// (`\r\n`, `\n` or `\r`), cells by tabs. A final empty line is dropped. Quoted cells (which
/// spreadsheets write when a cell holds a tab or line break) are unquoted.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// A move of the grid's focus from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Arrow up, Shift+Enter.
    Up,
    /// Arrow down, Enter.
    Down,
    /// Arrow left (at the start of the cell's text).
    Left,
    /// Arrow right (at the end of the cell's text).
    Right,
    /// Tab: the next column, or the next row's first.
    Next,
    /// Shift+Tab: the previous column, or the previous row's last.
    Prev,
}

/// The cell a step leads to from (`pos`, `col`) in a grid of `rows` rows and `cols` columns, or
/// `None` past its edges (where arrows stay put and Tab leaves the grid).
pub fn step(
    (pos, col): (usize, usize),
    s: Step,
    rows: usize,
    cols: usize,
) -> Option<(usize, usize)> {
    let to = match s {
        Step::Up => (pos.checked_sub(1)?, col),
        Step::Down => (pos + 1, col),
        Step::Left => (pos, col.checked_sub(1)?),
        Step::Right => (pos, col + 1),
        Step::Next if col + 1 < cols => (pos, col + 1),
        Step::Next => (pos + 1, 0),
        Step::Prev if col > 0 => (pos, col - 1),
        Step::Prev => (pos.checked_sub(1)?, cols.checked_sub(1)?),
    };
    (to.0 < rows && to.1 < cols).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_in_the_grid_and_tab_wraps_between_rows() {
        use Step::*;
        let (rows, cols) = (3, 4);
        assert_eq!(step((1, 1), Up, rows, cols), Some((0, 1)));
        assert_eq!(step((1, 1), Down, rows, cols), Some((2, 1)));
        assert_eq!(step((1, 1), Left, rows, cols), Some((1, 0)));
        assert_eq!(step((1, 1), Right, rows, cols), Some((1, 2)));
        assert_eq!(step((0, 1), Up, rows, cols), None);
        assert_eq!(step((2, 1), Down, rows, cols), None);
        assert_eq!(step((1, 0), Left, rows, cols), None);
        assert_eq!(step((1, 3), Right, rows, cols), None);
        assert_eq!(step((1, 1), Next, rows, cols), Some((1, 2)));
        assert_eq!(step((1, 3), Next, rows, cols), Some((2, 0)));
        assert_eq!(step((2, 3), Next, rows, cols), None);
        assert_eq!(step((1, 1), Prev, rows, cols), Some((1, 0)));
        assert_eq!(step((1, 0), Prev, rows, cols), Some((0, 3)));
        assert_eq!(step((0, 0), Prev, rows, cols), None);
        assert_eq!(step((0, 0), Down, 0, cols), None);
    }
    use thidua_core::Document;

    #[test]
    fn every_indicator_has_two_columns_grouped_by_content() {
        let doc = Document::default_pact();
        let cols = columns(&doc.pact);
        assert_eq!(cols.len(), doc.pact.indicators.len() * 2);
        assert_eq!(cols[0].indicator, "crimes_social_order");
        assert_eq!(cols[0].period, PeriodKind::Current);
        assert_eq!(cols[1].period, PeriodKind::Baseline);
        let g = groups(&doc.pact);
        assert_eq!(g[0].content.as_deref(), Some("c4"));
        assert_eq!(g.len(), 4); // contents 4, 5, 6, 7
    }

    #[test]
    fn values_outside_the_grid_are_counted() {
        let block = parse_tsv("1\t2\t3\r\n4\t5\t6");
        // At the last two columns of a 5 × 10 grid: 3 and 6 are left out.
        assert_eq!(outside(&block, 0, 8, 5, 10), 2);
        // At the last row: the second line is left out.
        assert_eq!(outside(&block, 4, 0, 5, 10), 3);
        // Both: only 1 and 2 fit.
        assert_eq!(outside(&block, 4, 8, 5, 10), 4);
        assert_eq!(outside(&block, 0, 0, 5, 10), 0);
        // Empty cells lose nothing.
        assert_eq!(outside(&parse_tsv("1\t\t"), 0, 9, 5, 10), 0);
    }

    #[test]
    fn tsv_rows_and_cells() {
        assert_eq!(
            parse_tsv("1\t2\r\n3\t4\r\n"),
            vec![vec!["1", "2"], vec!["3", "4"]]
        );
        assert_eq!(parse_tsv("1.840\t\t5"), vec![vec!["1.840", "", "5"]]);
        assert_eq!(parse_tsv("\"a\tb\"\tc\n"), vec![vec!["a\tb", "c"]]);
        assert!(parse_tsv("").is_empty());
    }
}
