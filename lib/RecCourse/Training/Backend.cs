using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Training;

/// <summary>
/// The one place the kit chooses where tensors live. Every model, lesson and benchmark takes its
/// device from <see cref="Device"/>, which the environment variable <c>RECCOURSE_DEVICE</c> sets:
/// <c>auto</c> (default: CUDA when <c>torch.cuda.is_available()</c>, else CPU), <c>cpu</c>, <c>cuda</c>
/// or <c>cuda:N</c>. Moving a model to a GPU is changing that variable and nothing else.
/// </summary>
public static class Backend
{
    /// <summary>The environment variable that chooses the device.</summary>
    public const string DeviceVariable = "RECCOURSE_DEVICE";

    private static readonly Lazy<Device> DefaultDevice = new(() => ResolveDevice(Environment.GetEnvironmentVariable(DeviceVariable)));

    /// <summary>The device every model of the kit is created on (see the class remarks).</summary>
    public static Device Device => DefaultDevice.Value;

    /// <summary>"TorchSharp 0.107.0 · libtorch 2.10.0".</summary>
    public static string Name
    {
        get
        {
            Initialize();
            var v = typeof(torch).Assembly.GetName().Version;
            return $"TorchSharp {v?.Major}.{v?.Minor}.{v?.Build} · libtorch {torch.__version__}";
        }
    }

    /// <summary>Loads TorchSharp's native backend (idempotent). Every entry point of the kit that
    /// touches <c>torch</c> calls it first; notebooks call it through <see cref="Describe"/>.</summary>
    public static void Initialize()
    {
        NativeEnvironment.Ensure();
        TorchNatives.EnsureLoaded();
        try
        {
            _ = torch.get_num_threads();
        }
        catch (TypeInitializationException e)
        {
            throw new InvalidOperationException(
                "TorchSharp could not load its native library. " + NativeAdvice() +
                (TorchNatives.Trace.Length > 0 ? "\nRecCourse preload steps:\n" + TorchNatives.Trace : "") +
                "\nTorchSharp said: " + (e.InnerException?.Message ?? e.Message), e);
        }
    }

    /// <summary>Parses a device setting (null or empty means <c>auto</c>).</summary>
    /// <exception cref="ArgumentException">An unknown setting; the message lists the valid ones.</exception>
    /// <exception cref="InvalidOperationException">CUDA asked for on a machine without it.</exception>
    public static Device ResolveDevice(string? setting)
    {
        Initialize();
        string s = string.IsNullOrWhiteSpace(setting) ? "auto" : setting.Trim().ToLowerInvariant();
        if (s == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (s == "cpu") return torch.CPU;
        if (s == "cuda" || s.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw new InvalidOperationException(
                    $"{DeviceVariable}={setting} but torch.cuda.is_available() is false: this build has the CPU backend or the " +
                    "machine has no GPU. Build with -p:TorchBackend=cuda on a GPU host (see README, 'GPU'), or set " +
                    $"{DeviceVariable}=auto.");
            if (s == "cuda") return torch.CUDA;
            if (int.TryParse(s.AsSpan(5), out int index) && index >= 0 && index < torch.cuda.device_count())
                return new Device(DeviceType.CUDA, index);
            throw new ArgumentException($"{DeviceVariable}={setting}: this machine has {torch.cuda.device_count()} CUDA device(s).", nameof(setting));
        }
        throw new ArgumentException($"{DeviceVariable}={setting} is not a device: use auto, cpu, cuda or cuda:N.", nameof(setting));
    }

    /// <summary>Seeds libtorch's generators (CPU and, when present, CUDA). The same seed gives the same
    /// initial weights and the same shuffles, so the same results on CPU (with the same thread count;
    /// <see cref="NativeEnvironment"/> keeps MKL's products from depending on memory alignment).</summary>
    public static void Seed(int seed)
    {
        Initialize();
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
    }

    /// <summary>libtorch's intra-op thread count (<c>torch.set_num_threads</c>).</summary>
    public static int Threads
    {
        get { Initialize(); return torch.get_num_threads(); }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Initialize();
            torch.set_num_threads(value);
        }
    }

    /// <summary>One line for a notebook or a log: device, backend and threads.</summary>
    public static string Describe() => $"device {Device.type.ToString().ToLowerInvariant()}{(Device.type == DeviceType.CUDA ? ":" + Device.index : "")} · {Name} · {Threads} thread(s)";

    private static string NativeAdvice() => OperatingSystem.IsLinux()
        ? "On Linux, check that the TorchSharp-cpu (or TorchSharp-cuda-linux) package is referenced (in a notebook: " +
          "#r \"nuget: TorchSharp-cpu, 0.107.0\" before the kit's library), that the kit was built with 'dotnet build' " +
          "(on Debian 12 the build marks libLibTorchSharp's GLIBCXX_3.4.32 need weak, see README), and restart the kernel " +
          "after building."
        : "Check that the TorchSharp-cpu package is referenced (in a notebook: #r \"nuget: TorchSharp-cpu, 0.107.0\").";
}
