using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Tests.Training;

public class BackendTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Auto_picks_cuda_only_when_available(string? setting)
    {
        var d = Backend.ResolveDevice(setting);
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, d.type);
    }

    [Fact]
    public void Cpu_is_always_available() => Assert.Equal(DeviceType.CPU, Backend.ResolveDevice("cpu").type);

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda-0")]
    [InlineData("tpu")]
    public void An_unknown_setting_names_the_variable_and_the_valid_values(string setting)
    {
        var e = Assert.Throws<ArgumentException>(() => Backend.ResolveDevice(setting));
        Assert.Contains("RECCOURSE_DEVICE=" + setting, e.Message);
        Assert.Contains("auto, cpu, cuda", e.Message);
    }

    [Fact]
    public void Cuda_without_a_gpu_says_so_and_what_to_do()
    {
        if (cuda.is_available()) return; // a GPU host: nothing to refuse
        var e = Assert.Throws<InvalidOperationException>(() => Backend.ResolveDevice("cuda"));
        Assert.Contains("torch.cuda.is_available() is false", e.Message);
        Assert.Contains("TorchBackend=cuda", e.Message);
    }

    [Fact]
    public void Describe_names_device_backend_and_threads()
    {
        var text = Backend.Describe();
        Assert.Matches(@"^device (cpu|cuda:\d+) · TorchSharp 0\.\d+\.\d+ · libtorch \d+\.\d+", text);
        Assert.Contains("thread", text);
    }

    [Fact]
    public void Seed_makes_random_tensors_repeatable()
    {
        Backend.Seed(123);
        var a = randn(5).data<float>().ToArray();
        Backend.Seed(123);
        var b = randn(5).data<float>().ToArray();
        Assert.Equal(a, b);
    }
}
