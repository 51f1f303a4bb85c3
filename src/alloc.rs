//! Talking to the allocator: a hook the program sets, called when the library has
//! freed much memory at once.
//!
//! A leaf module: the pipeline and the report both call it, and it calls nothing.
//! How memory goes back to the system is the program's choice, not the library's
//! (the `corpstat` program hands glibc's free pages back, `src/main.rs`): a
//! program that embeds corpstat keeps its own allocator and its own settings.

use std::sync::OnceLock;

static MEMORY_FREED: OnceLock<fn()> = OnceLock::new();

/// Sets the function corpstat calls each time it has freed much memory at once
/// (after each batch of documents is merged, and after each large table of the
/// report is written), for a program whose allocator keeps freed memory unless
/// asked. Set once per process; a second call changes nothing and returns `false`.
pub fn on_memory_freed(hook: fn()) -> bool {
    MEMORY_FREED.set(hook).is_ok()
}

/// Calls the hook set by [`on_memory_freed`], if any.
pub(crate) fn memory_freed() {
    if let Some(hook) = MEMORY_FREED.get() {
        hook();
    }
}
