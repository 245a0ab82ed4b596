//! Entry point of the web app: mounts [`thidua::App`] on the page body.

fn main() {
    yew::Renderer::<thidua::App>::new().render();
}
