using System.Runtime.InteropServices;

namespace RecCourse.Training;

/// <summary>
/// Makes libtorch's CPU matrix products reproducible. Intel MKL (libtorch's BLAS on x86-64) chooses
/// kernels by the memory alignment of the operands unless told otherwise, so the same product of the
/// same numbers can round differently from one call to the next. Measured on this kit's CI machine
/// (AMD EPYC, AVX-512, libtorch 2.10, 1 thread): re-applying one trained nn.Linear to fresh copies of
/// the same 80 × 5 rows changed 590–850 of 8000 outputs by an ulp, and two identically seeded
/// trainings drifted apart. MKL's conditional numerical reproducibility, <c>MKL_CBWR=AUTO,STRICT</c>,
/// removes that for a given CPU and thread count (measured: 0 differences; about 10 % slower on
/// tiny products). MKL reads the variable at its first call, so <see cref="Backend.Initialize"/> sets
/// it before any torch call, in the native environment (which .NET's own
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach on Linux), and
/// never overrides a value the user set.
/// </summary>
internal static partial class MklReproducibility
{
    public const string Variable = "MKL_CBWR";
    public const string Setting = "AUTO,STRICT";

    /// <summary>Idempotent. True when this call set the variable.</summary>
    public static bool Ensure()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) return false;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                if (SetEnv(Variable, Setting, 0) != 0) return false;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }
        Environment.SetEnvironmentVariable(Variable, Setting);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
