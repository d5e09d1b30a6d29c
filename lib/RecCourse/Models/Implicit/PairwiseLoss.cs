namespace RecCourse.Models;

/// <summary>The loss on the score difference x = s(u, i) − s(u, j) of a positive i and a negative j.</summary>
public enum PairwiseLoss
{
    /// <summary>Bayesian personalised ranking: −ln σ(x) (Rendle et al. 2009).</summary>
    Bpr,
    /// <summary>Triplet / hinge loss max(0, margin − x), as in the lectures-labs implicit model.</summary>
    Margin,
}
