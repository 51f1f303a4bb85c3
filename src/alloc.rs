//! Talking to the allocator: handing freed memory back to the system.
//!
//! A leaf module: the pipeline and the report both call it, and it calls nothing.

/// Hands memory freed by the last batch back to the system. glibc keeps freed
/// memory in its heaps, and the batches' many small allocations, made on worker
/// threads and freed on this one, leave it in pieces it does not return alone.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only releases free pages; it takes no pointer.
        unsafe {
            malloc_trim(0);
        }
    }
}
