namespace RecCourse.Models;

/// <summary>How <see cref="MatrixFactorizationTrainer"/> follows the gradient.</summary>
public enum MfSolver
{
    /// <summary>Plain stochastic gradient descent, one rating at a time when the batch size is 1
    /// (Funk's SVD as in Surprise): the L2 term of the slides is applied to the rows the rating touches.</summary>
    Sgd,
    /// <summary>Adam on mini-batches (fast.ai style) with L2 on the rows of the batch, updating only
    /// the embedding rows the batch touched ("lazy" Adam, like PyTorch's SparseAdam).</summary>
    Adam,
}
