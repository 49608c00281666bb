//! The wasm build's global allocator: power-of-two size classes, each with its own free list.
//!
//! Every allocation, free and reallocation costs a constant number of steps, whatever the heap
//! looks like: lol_alloc's free list, walked on every allocation, made a cart of 10^5 products
//! take seconds and 16,000 unknown keys take minutes (docs/design.md, "Allocator", has the
//! figures). A block is never split or merged: a freed block waits on its class's list for the
//! next request of that class, so memory is at most about twice the live peak of each class,
//! summed over the classes (docs/design.md, "Allocator", has the measured figure).

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::memory_grow;
use core::cell::UnsafeCell;
use core::ptr::{copy_nonoverlapping, null_mut};

const PAGE: usize = 65_536;
/// The smallest block holds the free list's link.
const MIN_CLASS: u32 = 3;
/// Blocks are aligned to their size up to this; no allocation of this crate asks for more.
const MAX_ALIGN: usize = 4096;
const CLASSES: usize = 32;

/// Size classes over `memory.grow`.
pub(crate) struct SizeClasses(UnsafeCell<Heap>);

struct Heap {
    /// The first free block of each class; each free block starts with the next one's address.
    free: [*mut u8; CLASSES],
    /// The untouched rest of the last region taken from `memory.grow`.
    next: usize,
    end: usize,
}

// Safety: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub(crate) const fn new() -> Self {
        SizeClasses(UnsafeCell::new(Heap { free: [null_mut(); CLASSES], next: 0, end: 0 }))
    }
}

/// The class of `layout`: log2 of its block size. `None` for what no block can hold.
fn class_of(size: usize, align: usize) -> Option<usize> {
    if align > MAX_ALIGN {
        return None;
    }
    let class = size.max(align).max(1 << MIN_CLASS).checked_next_power_of_two()?.trailing_zeros() as usize;
    (class < CLASSES).then_some(class)
}

impl Heap {
    /// A fresh block of `size` bytes (a power of two), aligned to `size` up to `MAX_ALIGN`.
    fn carve(&mut self, size: usize) -> *mut u8 {
        let align = size.min(MAX_ALIGN);
        if let Some(block) = self.take(size, align) {
            return block;
        }
        let Some(pages) = size.checked_add(align + PAGE - 1).map(|n| n / PAGE) else { return null_mut() };
        // `usize::MAX` when the memory cannot grow: then the products overflow and this is null.
        let old = memory_grow(0, pages);
        let (Some(start), Some(end)) =
            (old.checked_mul(PAGE), old.checked_add(pages).and_then(|p| p.checked_mul(PAGE)))
        else {
            return null_mut();
        };
        // Contiguous with the last region unless something else grew the memory in between.
        if start != self.end {
            self.next = start;
        }
        self.end = end;
        self.take(size, align).unwrap_or(null_mut())
    }

    fn take(&mut self, size: usize, align: usize) -> Option<*mut u8> {
        let block = self.next.checked_add(align - 1)? & !(align - 1);
        let end = block.checked_add(size)?;
        if end > self.end {
            return None;
        }
        self.next = end;
        Some(block as *mut u8)
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        let Some(class) = class_of(layout.size(), layout.align()) else { return null_mut() };
        match heap.free.get_mut(class) {
            Some(head) if !head.is_null() => {
                let block = *head;
                *head = *(block as *mut *mut u8);
                block
            }
            _ => heap.carve(1 << class),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let heap = &mut *self.0.get();
        if let Some(head) = class_of(layout.size(), layout.align()).and_then(|c| heap.free.get_mut(c)) {
            *(ptr as *mut *mut u8) = *head;
            *head = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Within its class a block grows in place: a Vec doubling moves once per class.
        if class_of(new_size, layout.align()) == class_of(layout.size(), layout.align()) {
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
