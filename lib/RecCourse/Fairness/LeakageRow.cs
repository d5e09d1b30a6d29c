namespace RecCourse.Fairness;

/// <summary>A leakage probe before and after a mitigation, for the audit report.</summary>
/// <param name="Embedding">What was probed, e.g. "ALS user factors (d = 20)".</param>
/// <param name="Attribute">What the probe predicted, e.g. "gender".</param>
/// <param name="Mitigation">e.g. "mean-difference projection"; "none" when not mitigated.</param>
/// <param name="AucBefore">Cross-validated probe AUC on the raw embedding (0.5 = no linear leakage).</param>
/// <param name="AucAfter">The same after the mitigation (NaN when none).</param>
public sealed record LeakageRow(string Embedding, string Attribute, string Mitigation, double AucBefore, double AucAfter);
