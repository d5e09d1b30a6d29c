namespace RecCourse.Context;

/// <summary>Outcome of <see cref="WelchTTest.Test"/>: positive <see cref="T"/> means sample a has the higher mean.</summary>
/// <param name="PValue">Two-sided p-value in [0, 1].</param>
public readonly record struct WelchResult(double T, double DegreesOfFreedom, double PValue, double MeanA, double MeanB);
