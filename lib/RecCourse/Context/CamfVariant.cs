namespace RecCourse.Context;

/// <summary>Which contextual bias CAMF learns (Baltrunas, Ludwig and Ricci 2011; CARSKit names).</summary>
public enum CamfVariant
{
    /// <summary>CAMF_C: μ + b_u + b_i + Σ_c B_c + p_u·q_i — one global bias per condition.</summary>
    C,
    /// <summary>CAMF_CI: μ + b_u + Σ_c B_{i,c} + p_u·q_i — a bias per item and condition (replaces b_i).</summary>
    CI,
    /// <summary>CAMF_CU: μ + b_i + Σ_c B_{u,c} + p_u·q_i — a bias per user and condition (replaces b_u).</summary>
    CU,
}
