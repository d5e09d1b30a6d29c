using System.Text;
using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>
/// Base class of layers and models (<c>torch.nn.Module</c>): sub-modules and parameters are
/// registered once in the constructor, <see cref="Parameters"/> enumerates them for an optimiser,
/// <see cref="Train"/>/<see cref="Eval"/> switch training behaviour (dropout) for the whole tree,
/// and <see cref="Save(Stream)"/>/<see cref="Load(Stream)"/> store the weights.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Applies the module to one input. Modules with other inputs (user and item ids) define
    /// their own Forward overloads instead.</summary>
    public virtual Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} has no single-tensor Forward; use its own Forward overload.");

    /// <summary>All parameters of this module and its sub-modules, in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Parameters with dotted names such as "net.0.weight" (PyTorch's <c>named_parameters</c>).</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters()
    {
        foreach (var (name, p) in parameters) yield return (name, p);
        foreach (var (prefix, child) in children)
            foreach (var (name, p) in child.NamedParameters()) yield return (prefix + "." + name, p);
    }

    /// <summary>Training mode for this module and all sub-modules; returns this.</summary>
    public Module Train(bool on = true)
    {
        Training = on;
        foreach (var (_, c) in children) c.Train(on);
        return this;
    }

    /// <summary>Evaluation mode (dropout off); returns this.</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }

    /// <summary>Registers a trainable parameter (sets <see cref="Tensor.RequiresGrad"/>) and returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        CheckName(name);
        parameter.RequiresGrad = true;
        parameter.Name ??= name;
        parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a sub-module whose parameters become part of this one's.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name);
        children.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"Parameter/module name '{name}' must be non-empty and contain no '.'.", nameof(name));
        if (parameters.Any(p => p.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'.", nameof(name));
    }

    // ------------------------------------------------------------------ weights file (see docs/engine.md)

    /// <summary>Magic bytes at the start of a weights file.</summary>
    public const string FileMagic = "RCWT";
    /// <summary>Format version written by <see cref="Save(Stream)"/>.</summary>
    public const int FileVersion = 1;

    /// <summary>Writes all named parameters to a file (format in docs/engine.md).</summary>
    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    /// <summary>
    /// Writes "RCWT", version (int32), parameter count (int32), then per parameter: name (UTF-8,
    /// 7-bit-encoded length prefix), rank (int32), each dimension (int32), the values (float32);
    /// all little-endian.
    /// </summary>
    public void Save(Stream stream)
    {
        var named = NamedParameters().ToList();
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(FileMagic));
        w.Write(FileVersion);
        w.Write(named.Count);
        foreach (var (name, p) in named)
        {
            w.Write(name);
            w.Write(p.Rank);
            foreach (int d in p.Shape) w.Write(d);
            foreach (float v in p.Data) w.Write(v);
        }
    }

    /// <summary>Loads weights saved from a module of the same architecture.</summary>
    public void Load(string path)
    {
        using var f = File.OpenRead(path);
        try { Load(f); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>Loads weights; names, order and shapes must match this module's parameters.</summary>
    /// <exception cref="InvalidDataException">Not a weights file, another version, or a parameter
    /// whose name or shape differs (the message names it).</exception>
    public void Load(Stream stream)
    {
        var named = NamedParameters().ToList();
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            string magic = Encoding.ASCII.GetString(r.ReadBytes(4));
            if (magic != FileMagic) throw new InvalidDataException($"Not a RecCourse weights file (magic '{magic}', expected '{FileMagic}').");
            int version = r.ReadInt32();
            if (version != FileVersion) throw new InvalidDataException($"Weights file version {version}; this build reads version {FileVersion}.");
            int count = r.ReadInt32();
            if (count != named.Count)
                throw new InvalidDataException($"The file holds {count} parameters; {GetType().Name} has {named.Count}.");
            // read everything first so a mismatch leaves the module unchanged.
            var values = new float[count][];
            for (int k = 0; k < count; k++)
            {
                string name = r.ReadString();
                int rank = r.ReadInt32();
                if (rank is < 0 or > 2) throw new InvalidDataException($"Parameter '{name}' has rank {rank}.");
                var shape = new int[rank];
                for (int d = 0; d < rank; d++) shape[d] = r.ReadInt32();
                var (expectedName, p) = named[k];
                if (name != expectedName)
                    throw new InvalidDataException($"Parameter {k} is '{name}' in the file but '{expectedName}' in {GetType().Name}.");
                if (!shape.AsSpan().SequenceEqual(p.Shape))
                    throw new InvalidDataException($"Parameter '{name}' has shape [{string.Join(", ", shape)}] in the file but {p.ShapeString} in {GetType().Name}.");
                var v = new float[p.Length];
                for (int i = 0; i < v.Length; i++) v[i] = r.ReadSingle();
                values[k] = v;
            }
            for (int k = 0; k < count; k++) values[k].CopyTo(named[k].Parameter.Data, 0);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The weights file is truncated.", e);
        }
    }
}
