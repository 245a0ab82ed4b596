//! The one module that owns browser storage.
//!
//! The workspace — the open pact with its data, the other pacts, and which one is open — lives
//! under [`DOC_KEY`] in one [`Envelope`] (so a save never writes half of it) that records a write
//! sequence number and the writing tab, so that a tab never silently overwrites newer data written by another
//! tab. The logic is written against the small [`Store`] trait and tested natively with
//! [`MemoryStore`]; [`LocalStore`] is the `localStorage` backend.
//!
//! Rules kept here:
//! - unreadable stored data is copied, untouched, to a quarantine key before anything else may be
//!   written; if the copy fails, nothing is written at all;
//! - data written by a newer version is left where it is and the app runs in memory;
//! - a full storage is recognised by every browser's error (`QuotaExceededError`, Firefox's
//!   `NS_ERROR_DOM_QUOTA_REACHED`, legacy code 22 or 1014);
//! - no storage at all (blocked, private mode) means an in-memory session with a banner.

use serde::{Deserialize, Serialize};
use thidua_core::document::ImportError;
use thidua_core::{Document, Lang};

/// Namespace of every key.
pub const PREFIX: &str = "thidua.v1.";
/// The working document.
pub const DOC_KEY: &str = "thidua.v1.doc";
/// The interface language.
pub const LANG_KEY: &str = "thidua.v1.lang";
/// Prefix of quarantined values.
pub const QUARANTINE_PREFIX: &str = "thidua.v1.quarantine.";
/// Prefix of automatic backups (snapshots).
pub const BACKUP_PREFIX: &str = "thidua.v1.backup.";
/// How many snapshots are kept.
pub const BACKUP_LIMIT: usize = 10;

/// A storage failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The storage is full.
    Full,
    /// Any other failure, with the browser's message.
    Other(String),
}

/// A key-value store (localStorage in the browser, memory in tests).
pub trait Store {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes a key.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// How many characters this app's keys and values hold: what localStorage counts against
    /// its limit (UTF-16 code units, two bytes each). The browser's own usage estimate leaves
    /// localStorage out.
    fn chars_used(&self) -> Result<u64, StoreError> {
        let mut n = 0;
        for key in self.keys()?.into_iter().filter(|k| k.starts_with(PREFIX)) {
            let value = self.get(&key)?.unwrap_or_default();
            n += (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
        }
        Ok(n)
    }
}

/// True when a storage exception means "full", in any browser.
pub fn is_quota_error(name: &str, code: u16) -> bool {
    matches!(
        name,
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR"
    ) || code == 22
        || code == 1014
}

/// What storage keeps around the document.
///
/// Read with its pacts as JSON values (each then read, checked and migrated as a file is); written
/// straight from the documents (`Envelope<&Document>`), with no JSON value built in between,
/// which took most of a save's time at 1,000 units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D = serde_json::Value> {
    /// Increases with every write, from any tab.
    pub seq: u64,
    /// The tab that wrote it.
    pub tab: String,
    /// When, in milliseconds since 1970.
    pub saved_at: f64,
    /// The open pact with its data.
    pub doc: D,
    /// The workspace's other pacts, in order (absent before there were several).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<D>,
    /// Where the open pact stands among them.
    #[serde(default)]
    pub active: usize,
    /// The write sequence of the version this write replaced without having read it: set when a
    /// tab keeps its own version after two tabs saved at once (absent otherwise, and in what
    /// earlier versions wrote). A tab whose saved version that was learns from it that its
    /// version was replaced by another tab's choice, not edited further.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<u64>,
}

/// A readable stored workspace.
#[derive(Debug, PartialEq)]
pub struct Stored {
    /// The open pact.
    pub doc: Document,
    /// The other pacts, in order.
    pub others: Vec<Document>,
    /// Where the open pact stands.
    pub active: usize,
    /// The write sequence it was stored under.
    pub seq: u64,
    /// The tab that wrote it (empty for a workspace no tab wrote).
    pub tab: String,
    /// The write sequence of the version it replaced unread ([`Envelope::replaced`]).
    pub replaced: Option<u64>,
}

impl Stored {
    /// Whether this is the version the tab `tab` wrote under `seq` (a tab's own last write).
    pub fn is_own_write(&self, tab: &str, seq: u64) -> bool {
        self.seq == seq && self.tab == tab
    }
}

/// What was found in storage at start-up.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: start from the built-in pact.
    Empty,
    /// A readable workspace.
    Doc(Box<Stored>),
    /// Unreadable data, now copied to the quarantine key named; start from the built-in pact.
    Quarantined {
        /// Where the raw text now also lives.
        key: String,
        /// Why it could not be read.
        why: Unreadable,
    },
    /// Unreadable data that could not be copied aside: it stays where it is, and this session
    /// must not write.
    Untouchable {
        /// Why it could not be read.
        why: Unreadable,
    },
    /// Data written by a newer version: left untouched; this session must not write.
    Newer {
        /// The version found.
        found: u64,
    },
}

/// Why stored data could not be read (worded when shown, in the language of the moment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The text is not a readable document.
    Document(ImportError),
    /// The storage itself failed.
    Storage(StoreError),
}

impl Unreadable {
    /// The reasons in a language, one line each.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            Unreadable::Document(e) => e.messages(lang),
            Unreadable::Storage(e) => vec![store_error_text(e, lang)],
        }
    }
}

/// Reads an envelope and the pacts in it (every one must be readable).
pub fn decode(raw: &str) -> Result<Stored, ImportError> {
    // Valid JSON of the wrong shape is told apart from text that is not JSON, and both are
    // worded in the person's language by the rule crate.
    let env: Envelope = thidua_core::document::read_typed(raw)?;
    let doc = Document::from_value(env.doc)?;
    let others = env
        .others
        .into_iter()
        .enumerate()
        .map(|(i, v)| Document::from_value(v).map_err(|e| e.within(&format!("others[{i}]"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Stored {
        active: env.active.min(others.len()),
        doc,
        others,
        seq: env.seq,
        tab: env.tab,
        replaced: env.replaced,
    })
}

/// Reads the stored document, quarantining it when it cannot be read.
pub fn load(store: &mut dyn Store, now_ms: f64) -> Loaded {
    let raw = match store.get(DOC_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(e) => {
            return Loaded::Untouchable {
                why: Unreadable::Storage(e),
            }
        }
    };
    match decode(&raw) {
        Ok(stored) => Loaded::Doc(Box::new(stored)),
        Err(ImportError::NewerVersion { found }) => Loaded::Newer { found },
        Err(e) => {
            let why = Unreadable::Document(e);
            match quarantine(store, &raw, now_ms) {
                Ok(key) => Loaded::Quarantined { key, why },
                Err(_) => Loaded::Untouchable { why },
            }
        }
    }
}

/// Copies unreadable stored text aside under a quarantine key of its own (never over an earlier
/// one), and returns the key. Nothing may be written over the text until this succeeded.
pub fn quarantine(store: &mut dyn Store, raw: &str, now_ms: f64) -> Result<String, StoreError> {
    let at = format!("{QUARANTINE_PREFIX}{}", now_ms as u64);
    let mut key = at.clone();
    let mut n = 1;
    while store.get(&key)?.is_some() {
        key = format!("{at}-{n}");
        n += 1;
    }
    store.set(&key, raw)?;
    Ok(key)
}

/// The stored write sequence, if the stored value is a readable envelope.
pub fn stored_seq(store: &dyn Store) -> Option<u64> {
    #[derive(Deserialize)]
    struct Seq {
        seq: u64,
    }
    let raw = store.get(DOC_KEY).ok()??;
    serde_json::from_str::<Seq>(&raw).ok().map(|s| s.seq)
}

/// The outcome of a save.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Written under this sequence number.
    Ok(u64),
    /// Another tab wrote since this one last read or wrote: nothing was written.
    Conflict,
    /// The write failed.
    Failed(StoreError),
}

/// Writes the workspace (the open pact, the others and where it stands) unless another tab wrote
/// since `base_seq` (unless `force`). A forced write over another tab's version records that
/// version's sequence number ([`Envelope::replaced`]), so that the tabs showing it can say so.
#[allow(clippy::too_many_arguments)]
pub fn save(
    store: &mut dyn Store,
    doc: &Document,
    others: &[std::rc::Rc<Document>],
    active: usize,
    base_seq: u64,
    tab: &str,
    now_ms: f64,
    force: bool,
) -> Saved {
    let stored = stored_seq(store);
    let current = stored.unwrap_or(0);
    if current != base_seq && !force {
        return Saved::Conflict;
    }
    let seq = current.max(base_seq) + 1;
    let replaced = stored.filter(|&s| s != base_seq);
    let env = Envelope {
        seq,
        tab: tab.to_string(),
        saved_at: now_ms,
        doc,
        others: others.iter().map(|d| &**d).collect(),
        active,
        replaced,
    };
    let text = match serde_json::to_string(&env) {
        Ok(t) => t,
        Err(e) => return Saved::Failed(StoreError::Other(e.to_string())),
    };
    match store.set(DOC_KEY, &text) {
        Ok(()) => Saved::Ok(seq),
        Err(e) => Saved::Failed(e),
    }
}

/// Every quarantined value: (key, raw text).
pub fn quarantined(store: &dyn Store) -> Vec<(String, String)> {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    sort_strings(&mut keys);
    keys.into_iter()
        .filter_map(|k| store.get(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// The stored language, Vietnamese by default.
pub fn load_lang(store: &dyn Store) -> Lang {
    match store.get(LANG_KEY) {
        Ok(Some(s)) if s == "en" => Lang::En,
        _ => Lang::Vi,
    }
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Before an import replaced the data.
    Import,
    /// Before a reset to the built-in pact.
    Reset,
    /// Before a restore from another snapshot.
    Restore,
    /// Before something was removed.
    Remove,
    /// Before one tab's version replaced another's, after both saved at once (the version not
    /// kept).
    Conflict,
}

/// A snapshot's one-line summary, kept beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupSummary {
    /// The pact's title.
    pub title: thidua_core::Text,
    /// How many units.
    pub units: usize,
    /// How many figure cells hold something.
    pub filled: usize,
}

/// A stored snapshot (its document read as a JSON value, written straight from the document, as
/// the [`Envelope`]'s).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup<D = serde_json::Value> {
    /// When, in ms since 1970.
    pub at: f64,
    /// Why.
    pub reason: BackupReason,
    /// What it holds, in one line.
    pub summary: BackupSummary,
    /// The document.
    pub doc: D,
}

/// A snapshot as listed (without its document).
#[derive(Clone, Debug, PartialEq)]
pub struct BackupInfo {
    /// Its key.
    pub key: String,
    /// When.
    pub at: f64,
    /// Why.
    pub reason: BackupReason,
    /// What it holds.
    pub summary: BackupSummary,
}

/// The one-line summary of a document.
pub fn summarize(doc: &Document) -> BackupSummary {
    let filled = doc
        .data
        .iter()
        .flat_map(|r| &r.units)
        .flat_map(|d| d.figures.values())
        .map(|f| usize::from(!f.current.is_missing()) + usize::from(!f.baseline.is_missing()))
        .sum();
    BackupSummary {
        title: doc.pact.title.clone(),
        units: doc.pact.units.len(),
        filled,
    }
}

fn backup_keys(store: &dyn Store) -> Vec<String> {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    sort_strings(&mut keys);
    keys
}

/// Takes a snapshot, keeping the newest [`BACKUP_LIMIT`]. When the storage is full, the oldest
/// snapshots make room; if there is still no room, the snapshot fails and the caller must not go
/// on with the change it protects.
pub fn backup(
    store: &mut dyn Store,
    doc: &Document,
    reason: BackupReason,
    now_ms: f64,
) -> Result<String, StoreError> {
    let b = Backup {
        at: now_ms,
        reason,
        summary: summarize(doc),
        doc,
    };
    let text = serde_json::to_string(&b).map_err(|e| StoreError::Other(e.to_string()))?;
    // Zero-padded so that keys sort by time.
    let mut key = format!("{BACKUP_PREFIX}{:016}", now_ms as u64);
    let existing = backup_keys(store);
    let mut n = 0;
    while existing.contains(&key) {
        n += 1;
        key = format!("{BACKUP_PREFIX}{:016}-{n}", now_ms as u64);
    }
    let mut old = existing.into_iter();
    loop {
        match store.set(&key, &text) {
            Ok(()) => break,
            Err(StoreError::Full) => match old.next() {
                Some(k) => {
                    let _ = store.remove(&k);
                }
                None => return Err(StoreError::Full),
            },
            Err(e) => return Err(e),
        }
    }
    let keys = backup_keys(store);
    for k in keys.iter().take(keys.len().saturating_sub(BACKUP_LIMIT)) {
        let _ = store.remove(k);
    }
    Ok(key)
}

/// The snapshots, newest first (unreadable ones are skipped, never deleted).
pub fn backups(store: &dyn Store) -> Vec<BackupInfo> {
    let mut out: Vec<BackupInfo> = backup_keys(store)
        .into_iter()
        .filter_map(|key| {
            let raw = store.get(&key).ok()??;
            // Only the header: the document inside is skipped, not built.
            #[derive(Deserialize)]
            struct Header {
                at: f64,
                reason: BackupReason,
                summary: BackupSummary,
            }
            let b: Header = serde_json::from_str(&raw).ok()?;
            Some(BackupInfo {
                key,
                at: b.at,
                reason: b.reason,
                summary: b.summary,
            })
        })
        .collect();
    out.reverse();
    out
}

/// The document of a snapshot.
pub fn restore(store: &dyn Store, key: &str) -> Result<Document, Vec<String>> {
    let raw = store
        .get(key)
        .ok()
        .flatten()
        .ok_or_else(|| vec!["snapshot not found".to_string()])?;
    let b: Backup = serde_json::from_str(&raw).map_err(|e| vec![e.to_string()])?;
    Document::from_value(b.doc).map_err(|e| e.messages(Lang::En))
}

/// A storage error in words.
pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    match (e, lang) {
        (StoreError::Full, Lang::Vi) => "bộ nhớ trình duyệt đã đầy".into(),
        (StoreError::Full, Lang::En) => "the browser's storage is full".into(),
        (StoreError::Other(m), Lang::Vi) => format!("lỗi bộ nhớ trình duyệt: {m}"),
        (StoreError::Other(m), Lang::En) => format!("browser storage error: {m}"),
    }
}

/// An in-memory store, for tests and for sessions without localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    /// The values.
    pub map: std::collections::BTreeMap<String, String>,
    /// When set, writes fail with this error.
    pub fail_writes: Option<StoreError>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(e) = &self.fail_writes {
            return Err(e.clone());
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}

/// `window.localStorage`, checked before use (reading the property itself can throw).
#[cfg(target_arch = "wasm32")]
pub struct LocalStore(web_sys::Storage);

#[cfg(target_arch = "wasm32")]
impl LocalStore {
    /// The page's localStorage, or `None` when it is blocked or missing.
    pub fn open() -> Option<LocalStore> {
        let storage = web_sys::window()?.local_storage().ok()??;
        // Some browsers expose a storage that throws on first use (Safari private mode).
        let probe = format!("{PREFIX}probe");
        storage.set_item(&probe, "1").ok()?;
        let _ = storage.remove_item(&probe);
        Some(LocalStore(storage))
    }
}

#[cfg(target_arch = "wasm32")]
fn js_error(e: wasm_bindgen::JsValue) -> StoreError {
    use wasm_bindgen::JsCast;
    match e.dyn_into::<web_sys::DomException>() {
        Ok(d) if is_quota_error(&d.name(), d.code()) => StoreError::Full,
        Ok(d) => StoreError::Other(format!("{}: {}", d.name(), d.message())),
        Err(v) => StoreError::Other(crate::browser::error_text(&v)),
    }
}

#[cfg(target_arch = "wasm32")]
impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(js_error)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(js_error)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(js_error)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.0.length().map_err(js_error)?;
        Ok((0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }
    fn chars_used(&self) -> Result<u64, StoreError> {
        // The values' lengths are read in JavaScript: a stored workspace of megabytes is not
        // copied into wasm memory just to be measured.
        use wasm_bindgen::JsCast;
        let mut n = 0;
        for key in self.keys()?.into_iter().filter(|k| k.starts_with(PREFIX)) {
            let value = js_sys::Reflect::get(&self.0, &wasm_bindgen::JsValue::from_str(&key))
                .map_err(js_error)?;
            let length = value
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |v| v.length());
            n += key.encode_utf16().count() as u64 + u64::from(length);
        }
        Ok(n)
    }
}

/// Sorts texts in the order of their bytes through the crate's one stable sort
/// ([`thidua_core::order`]).
fn sort_strings(texts: &mut Vec<String>) {
    let order = thidua_core::order::sorted_positions(texts.len(), &|a, b| texts[a].cmp(&texts[b]));
    let mut taken: Vec<Option<String>> = std::mem::take(texts).into_iter().map(Some).collect();
    texts.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_sorted_by_their_bytes() {
        let mut keys: Vec<String> = ["b.2", "a", "b.10", "", "a"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        super::sort_strings(&mut keys);
        assert_eq!(keys, ["", "a", "a", "b.10", "b.2"]);
    }

    fn stored(doc: Document, seq: u64, tab: &str) -> Loaded {
        Loaded::Doc(Box::new(Stored {
            doc,
            others: vec![],
            active: 0,
            seq,
            tab: tab.into(),
            replaced: None,
        }))
    }

    use super::*;
    use thidua_core::{Entry, PeriodKind};

    fn doc_with_fires(n: i64) -> Document {
        let mut d = Document::default_pact();
        d.unit_data_mut("ha-noi")
            .set("fires", PeriodKind::Current, Entry::int(n));
        d
    }

    #[test]
    fn save_then_load_round_trips() {
        let mut s = MemoryStore::default();
        assert_eq!(load(&mut s, 0.0), Loaded::Empty);
        let d = doc_with_fires(3);
        assert_eq!(save(&mut s, &d, &[], 0, 0, "a", 1.0, false), Saved::Ok(1));
        assert_eq!(load(&mut s, 2.0), stored(d, 1, "a"));
    }

    #[test]
    fn a_workspace_round_trips_and_a_bad_pact_in_it_quarantines_the_whole() {
        let mut s = MemoryStore::default();
        let (open, other) = (doc_with_fires(3), doc_with_fires(5));
        let others = vec![std::rc::Rc::new(other.clone())];
        assert_eq!(
            save(&mut s, &open, &others, 1, 0, "a", 1.0, false),
            Saved::Ok(1)
        );
        let Loaded::Doc(stored) = load(&mut s, 2.0) else {
            panic!("expected the workspace");
        };
        assert_eq!(
            (stored.doc, stored.others, stored.active),
            (open, vec![other], 1)
        );
        // One unreadable pact: nothing is half-read; the whole stored text is copied aside.
        let raw = s.map[DOC_KEY].replace("\"thidua.pact\"", "\"elsewhere\"");
        s.map.insert(DOC_KEY.into(), raw.clone());
        let Loaded::Quarantined { key, .. } = load(&mut s, 3.0) else {
            panic!("expected quarantine");
        };
        assert_eq!(s.map[&key], raw);
    }

    /// What `decode` says about the stored text after `edit`, in both languages.
    fn decode_messages(
        others: &[Document],
        edit: impl FnOnce(&mut serde_json::Value),
    ) -> (Vec<String>, Vec<String>) {
        let mut s = MemoryStore::default();
        let others: Vec<_> = others.iter().cloned().map(std::rc::Rc::new).collect();
        save(&mut s, &doc_with_fires(3), &others, 0, 0, "a", 1.0, false);
        let mut v: serde_json::Value = serde_json::from_str(&s.map[DOC_KEY]).unwrap();
        edit(&mut v);
        match decode(&v.to_string()) {
            Ok(_) => panic!("read a damaged envelope"),
            Err(e) => (e.messages(Lang::Vi), e.messages(Lang::En)),
        }
    }

    #[test]
    fn a_stored_envelope_of_the_wrong_shape_is_worded_in_the_users_language() {
        // Valid JSON of the wrong shape is not "not valid JSON", and no reader's English reaches
        // a Vietnamese user.
        let (vi, en) = decode_messages(&[], |v| v["seq"] = serde_json::json!("five"));
        let (vi, en) = (vi.join("\n"), en.join("\n"));
        assert!(
            vi.starts_with("seq: sai kiểu: cần một số nguyên không âm"),
            "{vi}"
        );
        assert!(
            !vi.contains("JSON hợp lệ") && !vi.contains("invalid type"),
            "{vi}"
        );
        assert!(
            !en.contains("not valid JSON") && !en.contains("u64"),
            "{en}"
        );
        assert!(en.starts_with("seq: "), "{en}");
        // A bare document where an envelope belongs.
        let (vi, en) = decode_messages(&[], |v| *v = v["doc"].take());
        let (vi, en) = (vi.join("\n"), en.join("\n"));
        assert!(vi.contains("thiếu trường bắt buộc `seq`"), "{vi}");
        assert!(
            !vi.contains("JSON hợp lệ") && !vi.contains("missing field"),
            "{vi}"
        );
        assert!(!vi.contains("(document)"), "{vi}");
        assert!(!en.contains("not valid JSON"), "{en}");
    }

    #[test]
    fn an_unreadable_other_pact_is_named_by_its_place() {
        let (vi, en) = decode_messages(&[doc_with_fires(5)], |v| {
            v["others"][0]
                .as_object_mut()
                .map(|o| o.remove("schema_version"));
        });
        assert_eq!(vi, vec!["others[0].schema_version: thiếu trường bắt buộc"]);
        assert_eq!(
            en,
            vec!["others[0].schema_version: required field is missing"]
        );
    }

    #[test]
    fn corrupt_data_is_copied_aside_untouched() {
        let mut s = MemoryStore::default();
        s.map.insert(DOC_KEY.into(), "{not json".into());
        let Loaded::Quarantined { key, why } = load(&mut s, 1234.0) else {
            panic!("expected quarantine");
        };
        assert_eq!(s.map.get(&key).map(String::as_str), Some("{not json"));
        assert!(!why.messages(Lang::En).is_empty());
        assert_ne!(why.messages(Lang::En), why.messages(Lang::Vi));
        assert_eq!(quarantined(&s), vec![(key, "{not json".to_string())]);
    }

    #[test]
    fn the_characters_used_are_those_of_this_apps_keys_and_values() {
        let mut s = MemoryStore::default();
        s.map.insert(DOC_KEY.into(), "{\"đ\":1}".into());
        s.map.insert("someone.else".into(), "x".repeat(100));
        let expected = DOC_KEY.len() + "{\"đ\":1}".chars().count();
        assert_eq!(s.chars_used(), Ok(expected as u64));
    }

    #[test]
    fn a_quarantine_never_replaces_an_earlier_one() {
        let mut s = MemoryStore::default();
        let first = quarantine(&mut s, "first", 5.0).unwrap();
        let second = quarantine(&mut s, "second", 5.0).unwrap();
        let third = quarantine(&mut s, "third", 5.9).unwrap();
        assert_ne!(first, second);
        assert_eq!(
            quarantined(&s),
            vec![
                (first, "first".to_string()),
                (second, "second".to_string()),
                (third, "third".to_string())
            ]
        );
    }

    #[test]
    fn corrupt_data_that_cannot_be_copied_is_left_alone() {
        let mut s = MemoryStore::default();
        s.map.insert(DOC_KEY.into(), "garbage".into());
        s.fail_writes = Some(StoreError::Full);
        assert!(matches!(load(&mut s, 1.0), Loaded::Untouchable { .. }));
        assert_eq!(s.map.get(DOC_KEY).map(String::as_str), Some("garbage"));
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mut s = MemoryStore::default();
        let mut v = serde_json::to_value(Document::default_pact()).unwrap();
        v["schema_version"] = 99.into();
        let env = serde_json::json!({"seq": 4, "tab": "x", "saved_at": 0.0, "doc": v});
        s.map.insert(DOC_KEY.into(), env.to_string());
        assert_eq!(load(&mut s, 1.0), Loaded::Newer { found: 99 });
        assert_eq!(s.map.len(), 1);
    }

    #[test]
    fn a_tab_never_overwrites_newer_data_from_another_tab() {
        let mut s = MemoryStore::default();
        assert_eq!(
            save(&mut s, &doc_with_fires(1), &[], 0, 0, "a", 1.0, false),
            Saved::Ok(1)
        );
        // Tab b loaded seq 1 and saves: fine.
        assert_eq!(
            save(&mut s, &doc_with_fires(2), &[], 0, 1, "b", 2.0, false),
            Saved::Ok(2)
        );
        // Tab a still thinks seq 1 is current: conflict, nothing written.
        assert_eq!(
            save(&mut s, &doc_with_fires(3), &[], 0, 1, "a", 3.0, false),
            Saved::Conflict
        );
        assert_eq!(load(&mut s, 4.0), stored(doc_with_fires(2), 2, "b"));
        // What is stored is b's own last write, not a's.
        let now = decode(&s.map[DOC_KEY]).unwrap();
        assert!(now.is_own_write("b", 2));
        assert!(!now.is_own_write("a", 2) && !now.is_own_write("b", 1));
        // The user chose to keep a's version.
        assert_eq!(
            save(&mut s, &doc_with_fires(3), &[], 0, 1, "a", 5.0, true),
            Saved::Ok(3)
        );
        // The write says whose version it replaced unread: b's, under seq 2.
        let now = decode(&s.map[DOC_KEY]).unwrap();
        assert_eq!((now.tab.as_str(), now.replaced), ("a", Some(2)));
        // A write made over the version it read replaces nothing, forced or not.
        assert_eq!(
            save(&mut s, &doc_with_fires(4), &[], 0, 3, "b", 6.0, false),
            Saved::Ok(4)
        );
        assert_eq!(decode(&s.map[DOC_KEY]).unwrap().replaced, None);
        assert!(!s.map[DOC_KEY].contains("replaced"));
        assert_eq!(
            save(&mut s, &doc_with_fires(5), &[], 0, 4, "b", 7.0, true),
            Saved::Ok(5)
        );
        assert_eq!(decode(&s.map[DOC_KEY]).unwrap().replaced, None);
        // A forced write over unreadable data (copied aside first by the caller) names no
        // version: there is none that a tab could be showing.
        s.map.insert(DOC_KEY.into(), "garbage".into());
        assert_eq!(
            save(&mut s, &doc_with_fires(6), &[], 0, 5, "a", 8.0, true),
            Saved::Ok(6)
        );
        assert_eq!(decode(&s.map[DOC_KEY]).unwrap().replaced, None);
    }

    #[test]
    fn backups_keep_the_newest_and_restore() {
        let mut s = MemoryStore::default();
        for i in 0..12 {
            backup(
                &mut s,
                &doc_with_fires(i),
                BackupReason::Import,
                1000.0 + i as f64,
            )
            .unwrap();
        }
        let list = backups(&s);
        assert_eq!(list.len(), BACKUP_LIMIT);
        assert_eq!(list[0].at, 1011.0);
        assert_eq!(list[0].summary.filled, 1);
        assert_eq!(restore(&s, &list[0].key), Ok(doc_with_fires(11)));
    }

    #[test]
    fn a_backup_makes_room_by_dropping_the_oldest_or_fails() {
        /// A store that holds at most `cap` keys, then reports full.
        struct Small(MemoryStore, usize);
        impl Store for Small {
            fn get(&self, k: &str) -> Result<Option<String>, StoreError> {
                self.0.get(k)
            }
            fn set(&mut self, k: &str, v: &str) -> Result<(), StoreError> {
                if !self.0.map.contains_key(k) && self.0.map.len() >= self.1 {
                    return Err(StoreError::Full);
                }
                self.0.set(k, v)
            }
            fn remove(&mut self, k: &str) -> Result<(), StoreError> {
                self.0.remove(k)
            }
            fn keys(&self) -> Result<Vec<String>, StoreError> {
                self.0.keys()
            }
        }
        let mut s = Small(MemoryStore::default(), 2);
        backup(&mut s, &doc_with_fires(1), BackupReason::Reset, 1.0).unwrap();
        backup(&mut s, &doc_with_fires(2), BackupReason::Reset, 2.0).unwrap();
        backup(&mut s, &doc_with_fires(3), BackupReason::Reset, 3.0).unwrap();
        let ats: Vec<f64> = backups(&s).iter().map(|b| b.at).collect();
        assert_eq!(ats, vec![3.0, 2.0]);
        let mut none = Small(MemoryStore::default(), 0);
        assert_eq!(
            backup(&mut none, &doc_with_fires(1), BackupReason::Reset, 1.0),
            Err(StoreError::Full)
        );
    }

    #[test]
    fn full_storage_is_reported() {
        let mut s = MemoryStore {
            fail_writes: Some(StoreError::Full),
            ..Default::default()
        };
        assert_eq!(
            save(&mut s, &doc_with_fires(1), &[], 0, 0, "a", 1.0, false),
            Saved::Failed(StoreError::Full)
        );
        for (name, code) in [
            ("QuotaExceededError", 22),
            ("NS_ERROR_DOM_QUOTA_REACHED", 1014),
            ("Error", 22),
        ] {
            assert!(is_quota_error(name, code), "{name}");
        }
        assert!(!is_quota_error("SecurityError", 18));
    }
}
