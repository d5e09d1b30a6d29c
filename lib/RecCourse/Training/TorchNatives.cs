using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace RecCourse.Training;

/// <summary>
/// Makes sure the libtorch TorchSharp binds to is the one its package ships, before TorchSharp's own
/// first probe. Needed in the .NET Interactive kernel (VS Code, Jupyter, dotnet-repl), where
/// TorchSharp.dll sits in the NuGet cache without its natives beside it: its first probe loads
/// <c>torch_cpu</c> by name, which maps a system-wide libtorch when one is installed (Debian's
/// <c>python3-torch</c> puts libtorch 1.13 in /usr/lib/x86_64-linux-gnu), and libLibTorchSharp 2.10 then
/// fails to load. Loading the package's libtorch_cpu.so and libLibTorchSharp.so by full path first
/// makes every later load by name resolve to them (the dynamic loader matches the sonames of loaded
/// libraries before it searches any path). On Debian 12 the kernel also needs the copy of
/// libLibTorchSharp.so whose GLIBCXX_3.4.32 need the build marked weak; the library's build puts it in
/// <c>native/linux-x64/</c> beside RecCourse.dll (build/TorchSharp.targets).
/// Console apps and tests carry their natives in their output folder and need none of this.
/// </summary>
internal static class TorchNatives
{
    private static readonly Lock Gate = new();
    private static bool attempted;

    /// <summary>What the last <see cref="EnsureLoaded"/> did, one line a step (for 00_setup and errors).</summary>
    public static string Trace { get; private set; } = "";

    /// <summary>Idempotent; must run before the first call into <c>TorchSharp.torch</c>.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (attempted) return;
            attempted = true;
            var trace = new StringBuilder();
            try { Preload(trace); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException)
            {
                trace.AppendLine($"preload skipped: {e.GetType().Name}: {e.Message}");
            }
            Trace = trace.ToString();
        }
    }

    private static void Preload(StringBuilder trace)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            trace.AppendLine("not linux-x64: TorchSharp's own loading is used");
            return;
        }
        // Typeof does not run torch's static constructor (which would load the natives itself).
        string? torchSharpDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        if (string.IsNullOrEmpty(torchSharpDir)) { trace.AppendLine("TorchSharp.dll has no location"); return; }
        if (File.Exists(Path.Combine(torchSharpDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"))
            || File.Exists(Path.Combine(torchSharpDir, "libLibTorchSharp.so")))
        {
            trace.AppendLine($"natives ship with the application ({torchSharpDir}): nothing to preload");
            return;
        }
        // NuGet cache layout: <packages>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll
        var libDir = new DirectoryInfo(torchSharpDir);
        var versionDir = libDir.Parent?.Parent;
        var packages = versionDir?.Parent?.Parent;
        if (versionDir is null || packages is null || !string.Equals(versionDir.Parent!.Name, "torchsharp", StringComparison.OrdinalIgnoreCase))
        {
            trace.AppendLine($"TorchSharp.dll is not in a NuGet cache layout ({torchSharpDir}): nothing to preload");
            return;
        }
        string? libtorchVersion = LibtorchVersion(packages.FullName, versionDir.Name);
        string cpuNative = Path.Combine(packages.FullName, "libtorch-cpu-linux-x64", libtorchVersion ?? "", "runtimes", "linux-x64", "native");
        if (libtorchVersion is null || !File.Exists(Path.Combine(cpuNative, "libtorch_cpu.so")))
        {
            trace.AppendLine($"libtorch-cpu-linux-x64 {libtorchVersion ?? "(version unknown)"} not restored under {packages.FullName}: TorchSharp's own loading is used");
            return;
        }
        foreach (var name in new[] { "libtorch_cpu.so", "libtorch.so" })
        {
            string path = Path.Combine(cpuNative, name);
            if (!File.Exists(path)) continue;
            NativeLibrary.Load(path);
            trace.AppendLine($"loaded {path}");
        }
        string own = Path.Combine(Path.GetDirectoryName(typeof(TorchNatives).Assembly.Location) ?? "", "native", "linux-x64", "libLibTorchSharp.so");
        string shipped = Path.Combine(versionDir.FullName, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string bridge = File.Exists(own) ? own : shipped;
        NativeLibrary.Load(bridge);
        trace.AppendLine(bridge == own
            ? $"loaded {own} (the build's copy with the GLIBCXX_3.4.32 need marked weak)"
            : $"loaded {shipped}");
    }

    /// <summary>The libtorch version TorchSharp-cpu <paramref name="torchSharpVersion"/> depends on,
    /// read from its nuspec; else the only libtorch-cpu-linux-x64 version restored.</summary>
    private static string? LibtorchVersion(string packages, string torchSharpVersion)
    {
        string nuspec = Path.Combine(packages, "torchsharp-cpu", torchSharpVersion, "torchsharp-cpu.nuspec");
        if (File.Exists(nuspec))
        {
            var m = Regex.Match(File.ReadAllText(nuspec), "id=\"libtorch-cpu\"\\s+version=\"\\[?([0-9.]+)");
            if (m.Success) return m.Groups[1].Value;
        }
        string root = Path.Combine(packages, "libtorch-cpu-linux-x64");
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        return versions.Length == 1 ? Path.GetFileName(versions[0]) : null;
    }
}
