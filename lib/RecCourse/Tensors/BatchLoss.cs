using RecCourse.Tensors;

namespace RecCourse.Tensors;

/// <summary>Computes the (scalar, mean) loss of one mini-batch given the example row numbers in it.</summary>
public delegate Tensor BatchLoss(ReadOnlySpan<int> rows);
