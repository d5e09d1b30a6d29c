// Loaded by Features.ipynb through #load (resolved against the notebook's folder).
static int Twice(int x) => 2 * x;
