//! The `corpstat` command line: parses arguments, calls the library, prints, and
//! maps the outcome to an exit code (0 success, 1 reserved for failed checks,
//! 2 for usage errors, input errors and skipped input).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    tune_allocator();
    corpstat::on_memory_freed(release_free_memory);
    cli::main()
}

/// Asks glibc to serve every allocation of 128 KiB or more with its own mapping,
/// returned to the system when freed. By default glibc raises that threshold each
/// time such a block is freed, up to 32 MiB, after which the tables' arrays, which
/// are rebuilt larger again and again as they grow, leave holes in its heaps that
/// it cannot hand back (the peak it saves is in `docs/PERFORMANCE.md`).
/// Called once, before anything is counted. It is the program's choice, not the
/// library's: a program that embeds corpstat keeps its own allocator settings.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only changes a setting of the allocator.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, 128 * 1024);
        }
    }
}

/// Hands memory freed by the last batch back to the system. glibc keeps freed
/// memory in its heaps, and the batches' many small allocations, made on worker
/// threads and freed on this one, leave it in pieces it does not return alone.
fn release_free_memory() {
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
