using RecCourse.Notebooks.Kernel;

namespace RecCourse.Notebooks.Tests.Kernel;

public sealed class ScriptSessionTests
{
    // Generous timeout: ordinary cells must never hit it on a loaded machine.
    private readonly ScriptSession _session = new(TestPaths.Notebooks, TimeSpan.FromSeconds(6));

    private CellExecution Run(string code) => _session.Execute(code, "cell 1");

    [Fact]
    public void Endless_recursion_throws_instead_of_crashing_and_the_session_survives()
    {
        var result = Run("static int Down(int n) => Down(n + 1) + 1;\nDown(0)");
        Assert.False(result.Succeeded);
        Assert.Contains("InsufficientExecutionStackException", result.Error, StringComparison.Ordinal);
        Assert.Equal("3", Run("1 + 2").Outputs.Single().PlainText);
    }

    [Fact]
    public void Guards_keep_compile_error_line_numbers()
    {
        var loop = Run("for (var i = 0; i < 3; i++)\n    Console.WriteLine(i);\nint q = \"x\";");
        Assert.StartsWith("cell 1 (3,9): error CS0029", loop.Error, StringComparison.Ordinal);
        var arrow = Run("static int G(int x) =>\n    x +\n    \"a\".Length;\nstatic void H() => Console.WriteLine();\nint r = \"y\";");
        Assert.StartsWith("cell 1 (5,9): error CS0029", arrow.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_loops_in_parallel_workers_and_in_declared_classes_stop_at_the_timeout()
    {
        var parallel = Run("Parallel.For(0, 2, i => { while (true) { } });");
        Assert.True(parallel.TimedOut);
        Assert.Contains("(stopped)", parallel.Error, StringComparison.Ordinal);
        var method = Run("class Spinner { public static void Spin() { var x = 0; do { x++; } while (x != -1 || true); } }\nSpinner.Spin();");
        Assert.True(method.TimedOut);
        Assert.Contains("(stopped)", method.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_bodied_methods_still_work_after_the_rewrite()
    {
        var result = Run("static int Sq(int x) => x * x;\nstatic void Say(string s) => Console.Write(s);\nstatic string Never() => throw new Exception(\"n\");\nSay(\"hi\");\nSq(7)");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("hi", result.StandardOutput);
        Assert.Equal("49", result.Outputs.Last().PlainText);
    }

    [Fact]
    public void Runaway_printing_is_truncated()
    {
        var result = Run("for (var i = 0; i < 200_000; i++) Console.WriteLine(\"0123456789\");");
        Assert.True(result.Succeeded, result.Error);
        Assert.InRange(result.StandardOutput.Length, 1_000_000, 1_000_100);
        Assert.EndsWith("output truncated at 1,000,000 characters\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_dll_reference_resolves_against_the_notebook_folder()
    {
        // The session's folder is TestNotebooks/; the Playwright assembly sits one level up, next to the tests.
        var result = Run("#r \"../Microsoft.Playwright.dll\"\ntypeof(Microsoft.Playwright.Playwright).Assembly.GetName().Name");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Microsoft.Playwright", result.Outputs.Single().PlainText);
    }
}
