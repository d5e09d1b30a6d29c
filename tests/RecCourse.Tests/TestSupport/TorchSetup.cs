using System.Runtime.CompilerServices;

namespace RecCourse.Tests.TestSupport;

/// <summary>Initialises the kit's torch backend when the test assembly loads, before any test touches
/// torch: the native environment (MKL_CBWR, OMP_WAIT_POLICY) must be set before libtorch loads.</summary>
internal static class TorchSetup
{
#pragma warning disable CA2255 // a test assembly's one-time native set-up is what module initialisers are for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => RecCourse.Training.Backend.Initialize();
}
