using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Context;

/// <summary>
/// Exact contextual pre-filtering (Adomavicius and Tuzhilin 2005): to recommend in context c, train an
/// ordinary 2-D recommender only on the ratings given in exactly c, and predict with it. When fewer
/// than <see cref="MinRatings"/> ratings match, the segment is too thin to learn from, so the model
/// trained on all ratings is used instead. Models are trained on first use and cached per context.
/// </summary>
public sealed class ExactPreFilter
{
    /// <summary>A condition value meaning "any condition of this dimension" in a context passed here.</summary>
    public const int Any = -1;

    private readonly RatingTable _train;
    private readonly Func<RatingTable, IRecommender> _fit;
    private readonly Dictionary<string, (IRecommender Model, bool Filtered, int Count)> _cache = new();
    private IRecommender? _unfiltered;

    /// <param name="train">Ratings with context columns; user and item indices are global, so the segment models see all users and items.</param>
    /// <param name="fit">Trains a 2-D model on a (filtered) table, e.g. <c>t =&gt; new BiasedMf(nu, ni).Fit(t)</c>.</param>
    /// <param name="minRatings">The smallest segment trained on its own (≥ 1).</param>
    public ExactPreFilter(RatingTable train, Func<RatingTable, IRecommender> fit, int minRatings = 50)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(fit);
        if (train.Context is null) throw new ArgumentException("Pre-filtering needs a rating table with context columns.", nameof(train));
        if (minRatings < 1) throw new ArgumentOutOfRangeException(nameof(minRatings), minRatings, "minRatings must be ≥ 1.");
        _train = train; _fit = fit; MinRatings = minRatings;
    }

    public int MinRatings { get; }

    /// <summary>
    /// The model for <paramref name="context"/> (one condition per dimension; <see cref="Any"/> leaves a
    /// dimension unfiltered). <paramref name="filtered"/> is false when the fallback model was used.
    /// </summary>
    public IRecommender ModelFor(ReadOnlySpan<int> context, out bool filtered, out int segmentSize)
    {
        var ctx = _train.Context!;
        if (context.Length != ctx.Length) throw new ArgumentException($"Context has {context.Length} conditions; the ratings have {ctx.Length} dimensions.", nameof(context));
        string key = string.Join(",", context.ToArray());
        if (!_cache.TryGetValue(key, out var entry))
        {
            var want = context.ToArray();
            var segment = _train.Where(r => Matches(ctx, r, want));
            entry = segment.Count >= MinRatings ? (_fit(segment), true, segment.Count) : (_unfiltered ??= _fit(_train), false, segment.Count);
            _cache[key] = entry;
        }
        filtered = entry.Filtered; segmentSize = entry.Count;
        return entry.Model;
    }

    /// <summary>The prediction of the context's model (see <see cref="ModelFor"/>).</summary>
    public float Predict(int user, int item, ReadOnlySpan<int> context) => ModelFor(context, out _, out _).Predict(user, item);

    private static bool Matches(int[][] ctx, int row, int[] want)
    {
        for (int d = 0; d < want.Length; d++)
            if (want[d] != Any && ctx[d][row] != want[d]) return false;
        return true;
    }
}
