namespace RecCourse.Embeddings;

/// <summary>One nearest neighbour: the row index and its cosine similarity or euclidean distance to the query.</summary>
public readonly record struct Neighbour(int Index, float Score);
