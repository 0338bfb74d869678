//! Whether a theme is rising or falling, by a test that says it is: a least-squares slope
//! of its passages per year, fitted from its first year to the corpus's last (silent
//! years count as zero), called a trend only with enough years, a significant slope and
//! a change large enough to matter. A theme absent from the corpus's last years is "not
//! seen since YEAR", whatever it did before.

use serde::Serialize;

/// Years a fit needs: with fewer, two or three noisy counts decide the verdict.
pub const MIN_YEARS: usize = 4;
/// Years, among those, in which the theme must appear at all.
pub const MIN_YEARS_PRESENT: usize = 3;
/// Largest two-sided p-value of the slope's t-test (n - 2 degrees of freedom) that counts
/// as a trend. 0.1 rather than 0.05: a decade of meetings gives at most ten points.
pub const MAX_P: f64 = 0.1;
/// Smallest change over the fitted years, as a share of the mean per year: a significant
/// slope of one passage over ten years is no trend a reader would see.
pub const MIN_CHANGE: f64 = 0.5;
/// Whole years of silence, before the corpus's last year, that make a theme "not seen
/// since" rather than falling.
pub const SILENT_YEARS: i32 = 2;

/// The rule in words, carried in the JSON so that a reader can check a verdict.
pub fn rule() -> String {
    format!(
        "least-squares slope of passages per year from the theme's first year to the corpus's last (missing years are 0); \
         rising or falling when fitted on at least {MIN_YEARS} years with the theme in {MIN_YEARS_PRESENT}, \
         the slope's t-test gives p < {MAX_P}, and the fitted change is at least {:.0}% of the yearly mean; \
         not seen since YEAR when absent for the last {SILENT_YEARS} years or more",
        MIN_CHANGE * 100.0
    )
}

/// The year of the latest dated record in the index.
pub fn corpus_last_year(searcher: &tantivy::Searcher) -> Option<i32> {
    searcher
        .segment_readers()
        .iter()
        .filter_map(|r| r.fast_fields().date("date").ok())
        .map(|c| c.max_value())
        .max()
        .and_then(crate::index::passages::from_tantivy_date)
        .map(|d| d.year())
}

/// Passages per year from any series (years, quarters or meetings: their period starts
/// with the year).
fn per_year(series: &[PeriodCount]) -> Vec<(i32, f64)> {
    let mut out: Vec<(i32, f64)> = Vec::new();
    for p in series {
        let Some(y) = p.period.get(..4).and_then(|s| s.parse::<i32>().ok()) else {
            continue;
        };
        match out.iter_mut().find(|(x, _)| *x == y) {
            Some(e) => e.1 += p.passages as f64,
            None => out.push((y, p.passages as f64)),
        }
    }
    out.sort_by_key(|e| e.0);
    out
}

/// The verdict for a theme's series, given the corpus's last year.
pub fn tested(series: &[PeriodCount], corpus_last_year: Option<i32>) -> Trend {
    let years = per_year(series);
    let verdict = |direction: String, slope: f64, periods: usize, p: Option<f64>| Trend {
        direction,
        slope: (slope * 1000.0).round() / 1000.0,
        periods,
        p_value: p.map(|p| (p * 10000.0).round() / 10000.0),
        rule: rule(),
    };
    let Some(&(first, _)) = years.first() else {
        return verdict("steady".into(), 0.0, 0, None);
    };
    let last_seen = years
        .iter()
        .rev()
        .find(|e| e.1 > 0.0)
        .map_or(first, |e| e.0);
    let end = corpus_last_year.unwrap_or(last_seen).max(last_seen);
    if end - last_seen >= SILENT_YEARS {
        return verdict(format!("not seen since {last_seen}"), 0.0, 0, None);
    }
    let ys: Vec<f64> = (first..=end)
        .map(|y| years.iter().find(|e| e.0 == y).map_or(0.0, |e| e.1))
        .collect();
    let n = ys.len();
    let present = ys.iter().filter(|&&y| y > 0.0).count();
    if n < MIN_YEARS || present < MIN_YEARS_PRESENT {
        return verdict("too few years to tell".into(), 0.0, n, None);
    }
    let (slope, p) = slope_test(&ys);
    let mean = ys.iter().sum::<f64>() / n as f64;
    let change = slope * (n - 1) as f64;
    let big = mean > 0.0 && change.abs() >= MIN_CHANGE * mean;
    let direction = if p < MAX_P && big && slope > 0.0 {
        "rising"
    } else if p < MAX_P && big && slope < 0.0 {
        "falling"
    } else {
        "steady"
    };
    verdict(direction.into(), slope, n, Some(p))
}

/// The least-squares slope of `ys` over 0, 1, 2... and the two-sided p-value of its
/// t-test (1 when the residuals are all zero and the slope is zero, 0 when only the slope
/// explains them).
pub fn slope_test(ys: &[f64]) -> (f64, f64) {
    let n = ys.len() as f64;
    let mx = (n - 1.0) / 2.0;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, y) in ys.iter().enumerate() {
        sxy += (i as f64 - mx) * (y - my);
        sxx += (i as f64 - mx).powi(2);
    }
    if sxx == 0.0 || n < 3.0 {
        return (0.0, 1.0);
    }
    let slope = sxy / sxx;
    let sse: f64 = ys
        .iter()
        .enumerate()
        .map(|(i, y)| (y - (my + slope * (i as f64 - mx))).powi(2))
        .sum();
    let df = n - 2.0;
    if sse <= 1e-12 {
        return (slope, if slope == 0.0 { 1.0 } else { 0.0 });
    }
    let se = (sse / df / sxx).sqrt();
    let t = slope / se;
    (slope, student_two_sided(t, df))
}

/// P(|T| >= |t|) for Student's t with `df` degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).
fn student_two_sided(t: f64, df: f64) -> f64 {
    let x = df / (df + t * t);
    incomplete_beta(df / 2.0, 0.5, x).clamp(0.0, 1.0)
}

fn ln_gamma(x: f64) -> f64 {
    // Lanczos approximation (g = 7, n = 9)
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised incomplete beta function I_x(a, b), by its continued fraction.
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / nonzero(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..200 {
        let m = m as f64;
        let m2 = 2.0 * m;
        // the even and the odd term of the continued fraction, each one step of Lentz's method
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        h *= lentz(even, &mut c, &mut d);
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        let del = lentz(odd, &mut c, &mut d);
        h *= del;
        if (del - 1.0).abs() < 1e-12 {
            break;
        }
    }
    h
}

/// One step of Lentz's method for a continued fraction with partial numerator `aa`:
/// updates `c` and `d` and returns the factor the running value is multiplied by.
fn lentz(aa: f64, c: &mut f64, d: &mut f64) -> f64 {
    *d = 1.0 / nonzero(1.0 + aa * *d);
    *c = nonzero(1.0 + aa / *c);
    *d * *c
}

/// `v`, or a tiny number of its place when it is (nearly) zero, so that Lentz's method
/// never divides by zero.
fn nonzero(v: f64) -> f64 {
    const TINY: f64 = 1e-300;
    if v.abs() < TINY {
        TINY
    } else {
        v
    }
}

/// Counts of one period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodCount {
    /// "2024", "2024-Q1", or "2024-03-05 source".
    pub period: String,
    /// Meetings that discussed the theme.
    pub meetings: usize,
    /// Passages about the theme.
    pub passages: usize,
}

/// Direction of a theme over the last periods.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// rising, falling or steady.
    pub direction: String,
    /// Least-squares slope of passages per period over the last periods.
    pub slope: f64,
    /// Periods the slope was fitted on.
    pub periods: usize,
    /// Two-sided p-value of the slope's t-test, when there were enough years to fit.
    pub p_value: Option<f64>,
    /// How the verdict was reached, thresholds named (see `query::trend`).
    pub rule: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(v: &[(i32, usize)]) -> Vec<PeriodCount> {
        v.iter()
            .map(|&(y, n)| PeriodCount {
                period: y.to_string(),
                meetings: 1,
                passages: n,
            })
            .collect()
    }

    #[test]
    fn test_p_values_match_student_t() {
        // t = 2.306 at 8 df is the two-sided 5% point
        assert!((student_two_sided(2.306, 8.0) - 0.05).abs() < 0.001);
        assert!((student_two_sided(0.0, 5.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn test_verdicts() {
        let s = years(&[
            (2019, 1),
            (2020, 2),
            (2021, 4),
            (2022, 5),
            (2023, 7),
            (2024, 9),
        ]);
        assert_eq!(tested(&s, Some(2024)).direction, "rising");
        // the same rise, then silence: not seen since
        assert_eq!(tested(&s, Some(2026)).direction, "not seen since 2024");
        // two points are too few
        assert_eq!(
            tested(&years(&[(2025, 1), (2026, 5)]), Some(2026)).direction,
            "too few years to tell"
        );
        // noise is steady
        let noisy = years(&[
            (2019, 5),
            (2020, 2),
            (2021, 6),
            (2022, 3),
            (2023, 5),
            (2024, 4),
        ]);
        assert_eq!(tested(&noisy, Some(2024)).direction, "steady");
        let falling = years(&[
            (2019, 9),
            (2020, 8),
            (2021, 6),
            (2022, 4),
            (2023, 3),
            (2024, 1),
        ]);
        assert_eq!(tested(&falling, Some(2025)).direction, "falling");
    }
}
