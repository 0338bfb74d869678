//! The hasher of the maps and sets extraction fills per meeting and of the lexicon's word
//! sets: below both `text` and `lexicon`, which use it.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// FNV-1a, for the maps and sets keyed by words and phrases that indexing fills for every
/// meeting: keys are short, and SipHash was a third of a remembered stem's cost. The input
/// is the user's own corpus, so collision attacks are moot.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A hash set with [`Fnv`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
