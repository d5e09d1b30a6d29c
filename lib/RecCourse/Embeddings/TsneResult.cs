namespace RecCourse.Embeddings;

/// <summary>A t-SNE embedding: <see cref="Embedding"/> is n × <see cref="Dimensions"/> row-major, centred on 0.</summary>
/// <param name="KlDivergence">KL(P ‖ Q) of the final embedding (without exaggeration), in nats.</param>
public sealed record TsneResult(int N, int Dimensions, float[] Embedding, double KlDivergence);
