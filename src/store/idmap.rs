//! Values by row id, for reports that look a unit up for each of millions of
//! obligations.

/// Row ids are dense, so a vector indexed by id is the common case: lookups in
/// id order walk memory in order. Ids far beyond the count (possible after an
/// import of a hand-edited file) go to a hash map instead, so memory stays
/// proportional to the rows.
#[derive(Debug)]
pub struct IdMap<T> {
    dense: Vec<Option<T>>,
    sparse: foldhash::HashMap<i64, T>,
}

impl<T> FromIterator<(i64, T)> for IdMap<T> {
    fn from_iter<I: IntoIterator<Item = (i64, T)>>(pairs: I) -> Self {
        let pairs: Vec<(i64, T)> = pairs.into_iter().collect();
        let limit = pairs.len().saturating_mul(4).saturating_add(1024);
        let mut map = IdMap {
            dense: Vec::new(),
            sparse: foldhash::HashMap::default(),
        };
        for (id, value) in pairs {
            match usize::try_from(id) {
                Ok(i) if i < limit => {
                    if map.dense.len() <= i {
                        map.dense.resize_with(i + 1, || None);
                    }
                    map.dense[i] = Some(value);
                }
                _ => {
                    map.sparse.insert(id, value);
                }
            }
        }
        map
    }
}

impl<T> IdMap<T> {
    pub fn get(&self, id: i64) -> Option<&T> {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.dense.get(i))
            .and_then(Option::as_ref)
            .or_else(|| self.sparse.get(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_ids_are_both_found() {
        let map: IdMap<&str> = [(1, "a"), (3, "c"), (-5, "neg"), (i64::MAX, "far")]
            .into_iter()
            .collect();
        assert_eq!(map.get(1), Some(&"a"));
        assert_eq!(map.get(3), Some(&"c"));
        assert_eq!(map.get(2), None);
        assert_eq!(map.get(-5), Some(&"neg"));
        assert_eq!(map.get(i64::MAX), Some(&"far"));
        assert_eq!(map.get(4096), None);
        // A far id does not make the vector long.
        assert!(map.dense.len() <= 4);
    }
}
