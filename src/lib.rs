//! The thidua web app (Yew).
