//! A modal dialog on the native `<dialog>` element: it traps focus, Escape closes it, and the
//! control marked `autofocus` gets focus, or else the first control. A dialog that removes or
//! replaces data marks its Cancel, so that it opens on the safe choice.

use web_sys::HtmlDialogElement;
use yew::prelude::*;

/// Props of a dialog.
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The heading, also the dialog's accessible name.
    pub title: AttrValue,
    /// The content, including the buttons.
    pub children: Html,
    /// Called when Escape closes it.
    pub onclose: Callback<()>,
}

/// A modal dialog, shown while it is rendered.
#[function_component(Dialog)]
pub fn dialog(p: &DialogProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(d) = node.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
            move || {
                if let Some(d) = node.cast::<HtmlDialogElement>() {
                    d.close();
                }
            }
        });
    }
    let oncancel = {
        let cb = p.onclose.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            cb.emit(());
        })
    };
    html! {
        <dialog ref={node} aria-labelledby="dialog-title" {oncancel}>
            <h2 id="dialog-title">{p.title.clone()}</h2>
            {p.children.clone()}
        </dialog>
    }
}
