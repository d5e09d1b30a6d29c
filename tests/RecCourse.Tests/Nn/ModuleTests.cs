using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Tests.Nn;

public class ModuleTests
{
    private static HybridMlp Model(int seed, int hidden = 16) =>
        new(20, 30, new Random(seed), seed, new HybridMlpOptions { UserDim = 4, ItemDim = 4, Hidden = [hidden, 8], Dropout = [0.5f, 0f] },
            userCategory: Enumerable.Range(0, 20).Select(u => u % 3).ToArray(), categoryCount: 3);

    [Fact]
    public void Named_parameters_use_dotted_paths()
    {
        var names = Model(1).NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["U.weight", "V.weight", "O.weight", "net.0.weight", "net.0.bias", "net.3.weight", "net.3.bias", "net.5.weight", "net.5.bias"], names);
    }

    [Fact]
    public void Save_then_load_round_trips_every_weight()
    {
        var a = Model(1); var b = Model(2);
        using var stream = new MemoryStream();
        a.Save(stream);
        stream.Position = 0;
        b.Load(stream);
        foreach (var ((name, pa), (_, pb)) in a.NamedParameters().Zip(b.NamedParameters()))
            Assert.True(pa.Data.AsSpan().SequenceEqual(pb.Data), $"{name} differs after load");
        a.Eval(); b.Eval();
        Assert.Equal(a.Predict(3, 4), b.Predict(3, 4));
    }

    [Fact]
    public void Loading_into_another_shape_names_the_parameter_and_changes_nothing()
    {
        var a = Model(1, hidden: 16); var b = Model(2, hidden: 12);
        var before = b.Parameters().SelectMany(p => p.Data).ToArray();
        using var stream = new MemoryStream();
        a.Save(stream);
        stream.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => b.Load(stream));
        Assert.Contains("net.0.weight", e.Message);
        Assert.Contains("[16, 16]", e.Message); // 4 + 4 + 8 inputs, 16 hidden
        Assert.Equal(before, b.Parameters().SelectMany(p => p.Data).ToArray());
    }

    [Fact]
    public void Bad_magic_and_truncation_are_reported()
    {
        var m = Model(1);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => m.Load(new MemoryStream("JUNKJUNKJUNK"u8.ToArray()))).Message);
        using var s = new MemoryStream();
        m.Save(s);
        var cut = s.ToArray()[..(int)(s.Length / 2)];
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => m.Load(new MemoryStream(cut))).Message);
    }

    [Fact]
    public void Eval_turns_dropout_off_in_every_submodule()
    {
        var m = Model(1);
        var x = new Tensor(Enumerable.Repeat(1f, 64).ToArray(), 4, 16);
        var dropout = m.Net.Layers.OfType<Dropout>().Single();
        Assert.Contains(0f, dropout.Forward(x).Data);
        m.Eval();
        Assert.False(dropout.Training);
        Assert.Same(x, dropout.Forward(x));
    }
}
