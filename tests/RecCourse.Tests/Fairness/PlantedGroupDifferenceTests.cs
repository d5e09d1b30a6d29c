using RecCourse.Fairness;
using RecCourse.Fairness.Leakage;

namespace RecCourse.Tests.Fairness;

/// <summary>The audits must find what the synthetic generator planted (SyntheticTruth.GroupEffects).</summary>
public class PlantedGroupDifferenceTests(SyntheticAuditFixture fx) : IClassFixture<SyntheticAuditFixture>
{
    [Fact]
    public void ModelResidualSweep_FlagsEveryPlantedGenre_InThePlantedDirection()
    {
        var truth = fx.Data.Truth!;
        Assert.NotEmpty(truth.GroupEffects);
        var sweep = GroupAudit.AcrossItemGroups(fx.Test, fx.Data.NumUsers, UserGroups.Gender(fx.Data), fx.Genres, fx.Als);
        foreach (var effect in truth.GroupEffects)
        {
            var row = sweep.Single(r => r.ItemGroup == effect.Genre);
            Assert.True(row.Significant, $"{effect.Genre}: adjusted p {row.AdjustedP}");
            // The group that likes the genre more is under-predicted by a model without demographics:
            // its mean signed error (prediction − rating) is the lower one.
            Assert.Equal(effect.Group, row.LowGroup);
        }
        // Planted genres come first: nothing unplanted is more significant.
        var planted = truth.GroupEffects.Select(e => e.Genre).ToHashSet();
        Assert.All(sweep.Take(planted.Count), r => Assert.Contains(r.ItemGroup, planted));
    }

    [Fact]
    public void RatingAverages_FindTheLargestPlantedEffect()
    {
        var effect = fx.Data.Truth!.GroupEffects.MaxBy(e => e.Delta)!;
        var audit = GroupAudit.RatingAverages(fx.Data.Ratings, fx.Data.NumUsers, UserGroups.Gender(fx.Data), "gender",
            new GroupAuditOptions { ItemFilter = i => fx.Data.Items[i].Genres.Contains(effect.GenreIndex) });
        var gap = audit.Gap(GroupAudit.MeanRating);
        Assert.True(gap.Significant, $"p {gap.PValue}");
        Assert.Equal(effect.Group, gap.HighGroup);
        // Rounding, clipping to 1–5 and who chooses to rate shrink the observed gap below the planted Δ.
        Assert.InRange(gap.Difference, 0.2 * effect.Delta, 1.2 * effect.Delta);
    }

    [Fact]
    public void Probe_FindsGenderInLearnedUserFactors_AndProjectionRemovesIt()
    {
        int d = fx.Als.Options.Factors;
        var embeddings = Enumerable.Range(0, fx.Data.NumUsers).Select(u => fx.Als.UserFactors.AsSpan(u * d, d).ToArray()).ToArray();
        var female = UserGroups.IsFemale(fx.Data);
        var before = LeakageProbe.Run(embeddings, female);
        var after = LeakageProbe.Run(embeddings, female, mitigation: AttributeProjection.MeanDifference);
        // Control: the generator's own p_u carry no gender (the effect is planted beside them), so the
        // leakage comes from ALS folding the gender × genre effect into the learned factors.
        var planted = LeakageProbe.Run(fx.Data.Truth!.UserFactors, female);
        Assert.True(before.Auc > 0.65, $"before {before.Auc}");
        Assert.InRange(after.Auc, 0.4, 0.6);
        Assert.InRange(planted.Auc, 0.4, 0.6);
    }
}
