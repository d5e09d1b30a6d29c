using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Tests.Training;

public class NativeEnvironmentTests
{
    [Fact]
    public void SameProduct_OnDifferentlyAlignedCopies_IsBitIdentical()
    {
        Backend.Initialize();
        Assert.All(NativeEnvironment.Settings, s => Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(s.Name)), s.Name));
        manual_seed(1);
        using var layer = nn.Linear(5, 5);
        var x = randn(80, 5);
        float[] first;
        using (no_grad()) first = layer.forward(x).data<float>().ToArray();
        // Copies of x at every float offset inside a larger buffer: different alignments of one input.
        for (int offset = 0; offset < 16; offset++)
        {
            using var scope = NewDisposeScope();
            var buffer = zeros(80 * 5 + offset);
            var copy = buffer.narrow(0, offset, 80 * 5).view(80, 5);
            copy.copy_(x);
            float[] again;
            using (no_grad()) again = layer.forward(copy).data<float>().ToArray();
            int differing = first.Zip(again, (a, b) => a != b).Count(d => d);
            Assert.True(differing == 0, $"offset {offset}: {differing} of {first.Length} outputs differ");
        }
    }
}
