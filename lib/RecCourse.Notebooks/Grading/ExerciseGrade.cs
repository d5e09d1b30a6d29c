namespace RecCourse.Notebooks.Grading;

/// <summary>The grade of one exercise.</summary>
/// <param name="Id">Exercise id.</param>
/// <param name="Title">Exercise title ("" when the notebook lost its marker).</param>
/// <param name="Points">Points earned: Max when passed, else 0.</param>
/// <param name="Max">Points available.</param>
/// <param name="Status">"passed", "failed", "timeout" or "untested" (no hidden tests for it).</param>
/// <param name="Message">Why: the first ❌ line, the error, or "all hidden tests passed".</param>
public sealed record ExerciseGrade(string Id, string Title, double Points, double Max, string Status, string Message);
