//! A static set of spans that answers overlap questions in O(log n), so that
//! asking them once per word or per phrase stays near-linear in the article
//! (a scan of every entity each time made linking quadratic, issue 12).

use warta_core::Span;

/// Spans sorted by start, with the furthest end among each prefix.
#[derive(Debug, Default)]
pub(crate) struct SpanIndex {
    /// Indices into the spans given to [`SpanIndex::new`], sorted by start.
    order: Vec<usize>,
    starts: Vec<usize>,
    /// `max_end[p]`: the largest end among `order[..=p]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        let spans: Vec<Span> = spans.into_iter().collect();
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&k| spans[k].start);
        let starts = order.iter().map(|&k| spans[k].start).collect();
        let max_end = order
            .iter()
            .scan(0, |m, &k| {
                *m = (*m).max(spans[k].end);
                Some(*m)
            })
            .collect();
        SpanIndex {
            order,
            starts,
            max_end,
        }
    }

    /// True when some span starts before `before` and ends after `pos`.
    fn reaches(&self, before: usize, pos: usize) -> bool {
        let p = self.starts.partition_point(|&s| s < before);
        p > 0 && self.max_end[p - 1] > pos
    }

    /// True when some span [`Span::overlaps`] `s`.
    pub(crate) fn any_overlaps(&self, s: Span) -> bool {
        self.reaches(s.end, s.start)
    }

    /// True when some span overlaps `s` without lying inside it: it starts
    /// before `s` and runs into it, or starts inside and runs past its end.
    pub(crate) fn any_crosses(&self, s: Span) -> bool {
        self.reaches(s.start, s.start) || self.reaches(s.end, s.end)
    }

    /// Indices (as given to [`SpanIndex::new`]) of the spans starting in
    /// `s.start..=s.end`: a superset of those [`Span::contains`] holds for.
    pub(crate) fn starting_within(&self, s: Span) -> &[usize] {
        let a = self.starts.partition_point(|&x| x < s.start);
        let b = self.starts.partition_point(|&x| x <= s.end);
        &self.order[a..b.max(a)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers exactly what a scan of every span answers,
    /// empty and nested spans included.
    #[test]
    fn agrees_with_a_scan() {
        let mut spans = Vec::new();
        for a in 0..7 {
            for b in a..7 {
                if (a * 7 + b) % 3 != 0 {
                    spans.push(Span::new(a, b));
                }
            }
        }
        for n in 0..spans.len() {
            let set = &spans[..n];
            let idx = SpanIndex::new(set.iter().copied());
            for a in 0..8 {
                for b in a..8 {
                    let s = Span::new(a, b);
                    assert_eq!(
                        idx.any_overlaps(s),
                        set.iter().any(|o| o.overlaps(s)),
                        "{s:?} in {set:?}"
                    );
                    assert_eq!(
                        idx.any_crosses(s),
                        set.iter().any(|o| o.overlaps(s) && !s.contains(*o)),
                        "{s:?} in {set:?}"
                    );
                    let mut inside: Vec<usize> = idx
                        .starting_within(s)
                        .iter()
                        .copied()
                        .filter(|&k| s.contains(set[k]))
                        .collect();
                    inside.sort_unstable();
                    let want: Vec<usize> = (0..n).filter(|&k| s.contains(set[k])).collect();
                    assert_eq!(inside, want);
                }
            }
        }
    }
}
