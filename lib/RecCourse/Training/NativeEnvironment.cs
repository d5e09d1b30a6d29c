using System.Runtime.InteropServices;

namespace RecCourse.Training;

/// <summary>
/// Environment variables that libtorch's native libraries read once, when they load, so
/// <see cref="Backend.Initialize"/> sets them before any torch call — in the native environment, which
/// .NET's own <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach on Linux —
/// and never overrides a value the user set.
/// <list type="bullet">
/// <item><c>MKL_CBWR=AUTO,STRICT</c>: reproducible CPU matrix products. Intel MKL (libtorch's BLAS on
/// x86-64) chooses kernels by the memory alignment of the operands unless told otherwise, so the same
/// product of the same numbers can round differently from one call to the next. Measured on this kit's
/// CI machine (AMD EPYC, AVX-512, libtorch 2.10, 1 thread): re-applying one trained nn.Linear to fresh
/// copies of the same 80 × 5 rows changed 590–850 of 8000 outputs by an ulp, and two identically seeded
/// trainings drifted apart; with the setting, 0 differences, about 10 % slower on tiny products.</item>
/// <item><c>OMP_WAIT_POLICY=PASSIVE</c>: libtorch's OpenMP workers sleep between parallel regions
/// instead of spinning. On a shared 2-core machine (a student laptop running VS Code, CI running test
/// assemblies side by side) spinning workers starve the thread doing the work: measured, lesson 07's
/// leakage-probe cell took over 120 s with 2 spinning threads under load, 10.9 s with passive waiting.</item>
/// </list>
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>The variables and the values the kit gives them when they are unset.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Settings =
    [
        ("MKL_CBWR", "AUTO,STRICT"),
        ("OMP_WAIT_POLICY", "PASSIVE"),
    ];

    /// <summary>Idempotent. Returns the names of the variables this call set.</summary>
    public static IReadOnlyList<string> Ensure()
    {
        var set = new List<string>();
        foreach (var (name, value) in Settings)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) continue;
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                try
                {
                    if (SetEnv(name, value, 0) != 0) continue;
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    continue;
                }
            }
            Environment.SetEnvironmentVariable(name, value);
            set.Add(name);
        }
        return set;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
