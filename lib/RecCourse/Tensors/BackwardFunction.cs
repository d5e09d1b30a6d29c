namespace RecCourse.Tensors;

/// <summary>
/// Pushes <c>output.Grad</c> back into the gradients of the inputs the operation saved on
/// <paramref name="output"/> (PyTorch's <c>grad_fn</c>). Operations pass static lambdas, so recording
/// a node allocates nothing.
/// </summary>
internal delegate void BackwardFunction(Tensor output);
