//! A text field that shows what is being typed, not the value read from it.
//!
//! A field redrawn from the value its text was read as loses what the reading drops: typing
//! "1,05" would show "1" after "1,0", and the next "5" would make it 15. While [`DraftInput`] is
//! being edited it shows exactly what was typed (the draft), as the figures grid does, and says at
//! the field why text that cannot be taken is not taken; otherwise it shows the stored value,
//! formatted for the language. The draft gives way to the stored value when that changes for
//! another reason (undo, redo, an import, another tab): when the draft no longer reads as it.

use yew::prelude::*;

/// Props of a field that keeps what is typed.
#[derive(Properties, PartialEq)]
pub struct DraftInputProps {
    /// The stored value, formatted for the language: what the field shows when not edited.
    pub value: AttrValue,
    /// Reads typed text: the stored value it stands for, formatted as `value` is (`Ok`), or why
    /// it cannot be taken, in the language shown (`Err`: the field keeps the text and says so).
    pub read: Callback<String, Result<AttrValue, AttrValue>>,
    /// Told the text on every keystroke.
    pub oninput: Callback<String>,
    /// What is wrong with the stored value, if anything (shown rather than the draft's reason).
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The accessible name.
    pub label: AttrValue,
    /// The id of the message, which describes the field.
    pub error_id: AttrValue,
    /// The message's role ("alert" where a refusal must be heard at once).
    #[prop_or_default]
    pub error_role: Option<AttrValue>,
    /// A number is expected (the decimal keypad on phones).
    #[prop_or_default]
    pub numeric: bool,
}

/// A text field that keeps what is typed (see the module's documentation).
#[function_component(DraftInput)]
pub fn draft_input(p: &DraftInputProps) -> Html {
    let draft = use_state(|| None::<String>);
    // The stored value changed: a draft that no longer reads as it was not what changed it (undo,
    // an import…), and gives way to it.
    {
        let (draft, read) = (draft.clone(), p.read.clone());
        use_effect_with(p.value.clone(), move |value| {
            if let Some(text) = (*draft).as_ref() {
                if read.emit(text.clone()).as_ref() != Ok(value) {
                    draft.set(None);
                }
            }
        });
    }
    let shown = (*draft).clone().unwrap_or_else(|| p.value.to_string());
    let refused = (*draft).as_ref().and_then(|t| p.read.emit(t.clone()).err());
    let error = p.error.clone().or(refused);
    let oninput = {
        let (draft, on) = (draft.clone(), p.oninput.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(Some(text.clone()));
            on.emit(text);
        })
    };
    // Left, the field shows the stored value again, unless its text could not be taken: that
    // stays, with its reason, until it is corrected or the stored value changes.
    let onblur = {
        let (draft, read) = (draft.clone(), p.read.clone());
        Callback::from(move |e: FocusEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if read.emit(input.value()).is_ok() {
                draft.set(None);
            }
        })
    };
    html! {
        <>
            <input type="text" value={shown} aria-label={p.label.clone()}
                inputmode={p.numeric.then_some("decimal")}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| p.error_id.clone())}
                {onblur} {oninput} />
            if let Some(msg) = error {
                <span class="field-error" id={p.error_id.clone()} role={p.error_role.clone()}>{msg}</span>
            }
        </>
    }
}
