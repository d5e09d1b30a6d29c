// Hidden tests of Grading.ipynb: run by `reccourse grade` after the student's cells, in their state.
//# Exercise 1.1
Check.Equal("1.1", 5, Add(2, 3), "Add(2, 3)");
Check.Equal("1.1", -1, Add(2, -3), "Add(2, -3)");
//# Exercise 1.2 (2 points)
Check.Close("1.2", 2.0, Mean(new[] { 1.0, 2.0, 3.0 }), 1e-12, "Mean(1, 2, 3)");
//# Exercise 1.3
Check.Equal("1.3", 7, CountTo(7), "CountTo(7)");
