//! Finding units by name in the long tables (pure, tested natively).
//!
//! With 1,000 units most rows of the grid and of the results are not in the page (see
//! [`crate::window`]), so the browser's own search cannot reach them. The "find unit" box filters
//! the tables instead: a unit is shown when its short or full name, in the language shown,
//! contains what was typed, letter case and Vietnamese tone and vowel marks aside ("ha noi",
//! "HA NOI" and "Hà Nội" all find "Hà Nội"; "da nang" finds "Đà Nẵng"), because a name is often
//! typed without its marks. A blank box shows every unit. Filtering only
//! chooses rows to show: the data, the results and the ranks are never touched.

use thidua_core::model::Unit;
use thidua_core::Lang;

/// What the person typed, ready to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFilter {
    needle: String,
}

impl UnitFilter {
    /// The filter for the text of the box (surrounding blanks ignored).
    pub fn new(text: &str) -> UnitFilter {
        UnitFilter {
            needle: fold(text.trim()),
        }
    }

    /// Whether it lets every unit through.
    pub fn is_empty(&self) -> bool {
        self.needle.is_empty()
    }

    /// Whether a name contains the text, letter case and marks aside.
    pub fn matches_name(&self, name: &str) -> bool {
        self.is_empty() || fold(name).contains(&self.needle)
    }

    /// Whether the unit is shown: its short or full name in `lang` contains the text.
    pub fn matches(&self, unit: &Unit, lang: Lang) -> bool {
        self.is_empty()
            || self.matches_name(unit.short_name.get(lang))
            || self.matches_name(unit.name.get(lang))
    }

    /// The positions (in `units`) of the units shown, in their order.
    pub fn positions<'a>(
        &self,
        units: impl IntoIterator<Item = &'a Unit>,
        lang: Lang,
    ) -> Vec<usize> {
        units
            .into_iter()
            .enumerate()
            .filter(|(_, u)| self.matches(u, lang))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Vietnamese letters with marks, by the letter they are written on (lowercase; `đ` is its own
/// letter but is typed as `d` without marks).
const MARKED: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// Lowercase, without Vietnamese marks: precomposed letters become their base letter, and
/// combining marks (U+0300–U+036F, as some input methods type them) are dropped.
fn fold(text: &str) -> String {
    crate::ui::lowercase(text)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            MARKED
                .iter()
                .find(|(_, marked)| marked.contains(c))
                .map_or(c, |&(base, _)| base)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use thidua_core::Document;

    #[test]
    fn blank_shows_everything() {
        let doc = Document::default_pact();
        let n = doc.pact.units.len();
        for text in ["", "   ", "\t"] {
            let f = UnitFilter::new(text);
            assert!(f.is_empty());
            assert_eq!(
                f.positions(&doc.pact.units, Lang::Vi),
                (0..n).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn short_or_full_name_letter_case_aside() {
        let doc = Document::default_pact();
        let units = &doc.pact.units;
        let names = |f: &UnitFilter, lang| {
            f.positions(units, lang)
                .into_iter()
                .map(|i| units[i].short_name.get(lang).to_string())
                .collect::<Vec<_>>()
        };
        // Vietnamese letters change case too ("HÀ NỘI" finds "Hà Nội").
        assert_eq!(
            names(&UnitFilter::new("  HÀ NỘI "), Lang::Vi),
            vec!["Hà Nội"]
        );
        // The full name: "Hồ Chí Minh" is only in "Công an TP Hồ Chí Minh".
        assert_eq!(names(&UnitFilter::new("hồ chí"), Lang::Vi), vec!["TP HCM"]);
        // In the language shown: "HCMC" is the English short name.
        assert_eq!(names(&UnitFilter::new("hcmc"), Lang::En), vec!["HCMC"]);
        assert!(names(&UnitFilter::new("hcmc"), Lang::Vi).is_empty());
        // Every unit is "Công an …".
        assert_eq!(
            names(&UnitFilter::new("công an"), Lang::Vi).len(),
            units.len()
        );
        assert!(names(&UnitFilter::new("không có"), Lang::Vi).is_empty());
    }

    #[test]
    fn names_are_found_without_their_marks() {
        let doc = Document::default_pact();
        let units = &doc.pact.units;
        let names = |text: &str| {
            UnitFilter::new(text)
                .positions(units, Lang::Vi)
                .into_iter()
                .map(|i| units[i].short_name.get(Lang::Vi).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("ha noi"), vec!["Hà Nội"]);
        assert_eq!(names("HA NOI"), vec!["Hà Nội"]);
        assert_eq!(names("da nang"), vec!["Đà Nẵng"]);
        assert_eq!(names("can tho"), vec!["Cần Thơ"]);
        assert_eq!(names("hai phong"), vec!["Hải Phòng"]);
        // Combining marks, as some input methods type them: "Hà Nội" written a + U+0300 …
        assert_eq!(names("Ha\u{300} No\u{302}\u{323}i"), vec!["Hà Nội"]);
        // Marks typed are folded too: they never hide a unit written without them.
        assert_eq!(names("Đà"), vec!["Đà Nẵng"]);
        assert!(names("ha nam").is_empty());
    }

    #[test]
    fn every_vietnamese_marked_letter_folds_to_its_base_letter() {
        for (base, marked) in MARKED {
            for c in marked.chars() {
                assert_eq!(fold(&c.to_string()), base.to_string(), "{c}");
                assert_eq!(fold(&c.to_uppercase().to_string()), base.to_string(), "{c}");
            }
        }
        // 17 a, 11 e, 5 i, 17 o, 11 u, 5 y and đ.
        assert_eq!(
            MARKED.iter().map(|(_, m)| m.chars().count()).sum::<usize>(),
            67
        );
        assert_eq!(fold("Công An"), "cong an");
    }
}
