using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Training;

/// <summary>
/// Adam for TorchSharp parameters with dense or sparse (row) gradients, the shared machinery of
/// <see cref="FusedAdam"/> (dense semantics, identical to <c>torch.optim.Adam</c>) and
/// <see cref="LazyAdam"/> (row-sparse: only the rows a sparse gradient touches move). Works with
/// TorchSharp's learning-rate schedulers (its parameter groups expose <c>LearningRate</c>).
/// On CPU float32 tensors the update is one fused, vectorised pass per parameter
/// (<see cref="AdamKernels"/>); elsewhere (CUDA) it is the same arithmetic in TorchSharp tensor
/// operations. Sparse gradients come from <c>nn.Embedding(…, sparse: true)</c>: their backward pass
/// is several times cheaper than the dense one, which allocates and fills a whole table per batch.
/// </summary>
public abstract class AdamOptimizer : OptimizerHelper, optim.IBetas
{
    private protected AdamOptimizer(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupledWeightDecay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(lr >= 0)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "the learning rate must be ≥ 0");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "must be in [0, 1)");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "must be ≥ 0");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "must be ≥ 0");
        _defaults = new Options
        {
            LearningRate = lr, InitialLearningRate = lr, Beta1 = beta1, Beta2 = beta2, Eps = eps,
            WeightDecay = weightDecay, Decoupled = decoupledWeightDecay,
        };
        _parameter_groups = [];
        add_param_group(new ParamGroup { Parameters = parameters.ToArray() });
    }

    /// <summary>True: a sparse gradient moves only its rows (and their moments). False: every row
    /// takes an Adam step each time, as with a dense gradient.</summary>
    protected abstract bool Lazy { get; }

    /// <summary>Use the fused CPU kernels where they apply (tests turn it off to compare with the
    /// tensor-operation path).</summary>
    internal bool UseKernels { get; set; } = true;

    public (double, double) Betas
    {
        get { var o = (Options)_defaults; return (o.Beta1, o.Beta2); }
        set
        {
            foreach (var g in _parameter_groups) { var o = (Options)g.Options; o.Beta1 = value.Item1; o.Beta2 = value.Item2; }
        }
    }

    public override void add_param_group(ParamGroup param_group)
    {
        var d = (Options)_defaults;
        // A group without options takes the optimiser's; a group with options keeps them (lr defaults).
        param_group.Options ??= new Options { Beta1 = d.Beta1, Beta2 = d.Beta2, Eps = d.Eps, WeightDecay = d.WeightDecay, Decoupled = d.Decoupled };
        if (param_group.Options is not Options o)
            throw new ArgumentException($"a parameter group of {GetType().Name} needs {typeof(Options).FullName}, not {param_group.Options.GetType().Name}", nameof(param_group));
        o.LearningRate ??= d.LearningRate;
        o.InitialLearningRate = o.LearningRate!.Value;
        _parameter_groups.Add(param_group);
        foreach (var p in param_group.Parameters)
        {
            var state = new State(p);
            state.Initialize(o);
            _state[p.Handle] = state;
        }
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var o = (Options)group.Options;
        double lr = o.LearningRate!.Value;
        foreach (var p in group.Parameters)
        {
            using var grad = p.grad;
            if (grad is null) continue;
            var state = (State)_state[p.Handle];
            state.Step++;
            var c = new AdamCoefficients(
                (float)o.Beta1, (float)o.Beta2,
                (float)(lr / (1 - Math.Pow(o.Beta1, state.Step))),
                (float)(1 / Math.Sqrt(1 - Math.Pow(o.Beta2, state.Step))),
                (float)o.Eps,
                o.Decoupled ? 0f : (float)o.WeightDecay,
                o.Decoupled ? (float)(1 - lr * o.WeightDecay) : 1f);
            if (UseKernels && KernelApplies(p, grad, state)) KernelStep(p, grad, state, c);
            else TensorStep(p, grad, state, c);
        }
    }, closure);

    private static bool KernelApplies(Parameter p, Tensor grad, State s) =>
        p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32 && grad.dtype == ScalarType.Float32
        && p.is_contiguous() && s.ExpAvg.is_contiguous() && s.ExpAvgSq.is_contiguous()
        && p.numel() <= int.MaxValue && (grad.is_sparse ? p.dim() >= 1 : grad.is_contiguous());

    private void KernelStep(Parameter p, Tensor grad, State s, in AdamCoefficients c)
    {
        var P = Floats(p); var M = Floats(s.ExpAvg); var V = Floats(s.ExpAvgSq);
        if (!grad.is_sparse)
        {
            // The caller's gradient is read, not cleared.
            var G = Floats(grad);
            AdamKernels.Step(P, G, M, V, c, clearGrad: false);
            return;
        }
        int width = (int)(p.numel() / p.shape[0]);
        using var indices = grad.SparseIndices;
        using var rowIndex = indices[0].contiguous();
        using var values = grad.SparseValues.contiguous();
        var rows = MemoryMarshal.Cast<byte, long>(rowIndex.bytes);
        var scratch = s.ScratchGrad(p);
        AdamKernels.ScatterAdd(scratch, width, rows, Floats(values));
        if (!Lazy)
        {
            AdamKernels.Step(P, scratch, M, V, c, clearGrad: true);
            return;
        }
        var seen = s.Seen((int)p.shape[0]);
        foreach (long r in rows)
        {
            if (seen[r]) continue;
            seen[r] = true;
            int at = (int)r * width;
            AdamKernels.Step(P.Slice(at, width), scratch.Slice(at, width), M.Slice(at, width), V.Slice(at, width), c, clearGrad: true);
        }
        foreach (long r in rows) seen[r] = false;
    }

    private void TensorStep(Parameter p, Tensor grad, State s, in AdamCoefficients c)
    {
        if (grad.is_sparse && Lazy)
        {
            // Coalesce by hand (TorchSharp has no coalesce()): sum the values of repeated rows.
            var (rows, inverse, _) = grad.SparseIndices[0].unique(sorted: true, return_inverse: true);
            var values = zeros(rows.shape[0], grad.SparseValues.shape[1], grad.dtype, grad.device)
                .index_add_(0, inverse!, grad.SparseValues, 1);
            var pr = p.index_select(0, rows);
            if (c.CoupledDecay != 0) values = values.add(pr, alpha: c.CoupledDecay);
            if (c.DecoupledShrink != 1) pr.mul_(c.DecoupledShrink);
            var mr = s.ExpAvg.index_select(0, rows).mul_(c.Beta1).add_(values, alpha: 1 - c.Beta1);
            var vr = s.ExpAvgSq.index_select(0, rows).mul_(c.Beta2).addcmul_(values, values, value: 1 - c.Beta2);
            pr.addcdiv_(mr, vr.sqrt().mul_(c.InvSqrtBias2).add_(c.Eps), value: -c.StepSize);
            s.ExpAvg.index_copy_(0, rows, mr);
            s.ExpAvgSq.index_copy_(0, rows, vr);
            p.index_copy_(0, rows, pr);
            return;
        }
        var dense = grad.is_sparse ? grad.to_dense() : grad;
        if (c.CoupledDecay != 0) dense = dense.add(p, alpha: c.CoupledDecay);
        if (c.DecoupledShrink != 1) p.mul_(c.DecoupledShrink);
        s.ExpAvg.mul_(c.Beta1).add_(dense, alpha: 1 - c.Beta1);
        s.ExpAvgSq.mul_(c.Beta2).addcmul_(dense, dense, value: 1 - c.Beta2);
        p.addcdiv_(s.ExpAvg, s.ExpAvgSq.sqrt().mul_(c.InvSqrtBias2).add_(c.Eps), value: -c.StepSize);
    }

    private static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) foreach (var kv in _state) ((State)kv.Item2).Dispose();
    }

    /// <summary>Hyperparameters of one parameter group.</summary>
    public sealed class Options : OptimizerOptions
    {
        public double Beta1 { get; set; }
        public double Beta2 { get; set; }
        public double Eps { get; set; }
        public double WeightDecay { get; set; }
        /// <summary>AdamW: decay the weights directly (p ← p(1 − lr·λ)) instead of adding λp to the gradient.</summary>
        public bool Decoupled { get; set; }

        public override void SaveStateDict(BinaryWriter writer)
        {
            base.SaveStateDict(writer);
            writer.Write(Beta1); writer.Write(Beta2); writer.Write(Eps); writer.Write(WeightDecay); writer.Write(Decoupled);
        }

        public override void LoadStateDict(BinaryReader reader)
        {
            base.LoadStateDict(reader);
            Beta1 = reader.ReadDouble(); Beta2 = reader.ReadDouble(); Eps = reader.ReadDouble();
            WeightDecay = reader.ReadDouble(); Decoupled = reader.ReadBoolean();
        }

        public override void LoadStateDict(OptimizerOptions source)
        {
            base.LoadStateDict(source);
            var o = (Options)source;
            Beta1 = o.Beta1; Beta2 = o.Beta2; Eps = o.Eps; WeightDecay = o.WeightDecay; Decoupled = o.Decoupled;
        }
    }

    /// <summary>Per-parameter state: the step count and the two moment estimates.</summary>
    public sealed class State(Parameter parameter) : OptimizerState(parameter), IDisposable
    {
        private float[]? scratch;
        private bool[]? seen;

        public long Step { get; set; }
        public Tensor ExpAvg { get; private set; } = null!;
        public Tensor ExpAvgSq { get; private set; } = null!;

        internal Span<float> ScratchGrad(Parameter p) => scratch ??= new float[p.numel()];
        internal bool[] Seen(int rows) => seen ??= new bool[rows];

        public override void Initialize(OptimizerOptions options)
        {
            ExpAvg?.Dispose();
            ExpAvgSq?.Dispose();
            Step = 0;
            ExpAvg = zeros_like(_parameter).DetachFromDisposeScope();
            ExpAvgSq = zeros_like(_parameter).DetachFromDisposeScope();
        }

        public override void SaveStateDict(BinaryWriter writer)
        {
            writer.Write(Step);
            ExpAvg.Save(writer);
            ExpAvgSq.Save(writer);
        }

        public override void LoadStateDict(BinaryReader reader)
        {
            Step = reader.ReadInt64();
            ExpAvg.Load(reader);
            ExpAvgSq.Load(reader);
        }

        public override void LoadStateDict(OptimizerState source)
        {
            var s = (State)source;
            ExpAvg.Dispose();
            ExpAvgSq.Dispose();
            Step = s.Step;
            ExpAvg = s.ExpAvg.to(_parameter.device, copy: true).DetachFromDisposeScope();
            ExpAvgSq = s.ExpAvgSq.to(_parameter.device, copy: true).DetachFromDisposeScope();
        }

        public override bool ApproximatelyEquals(OptimizerState other) =>
            other is State s && s.Step == Step && s.ExpAvg.allclose(ExpAvg) && s.ExpAvgSq.allclose(ExpAvgSq);

        public override void to(Device device)
        {
            ExpAvg = ExpAvg.to(device, disposeAfter: true).DetachFromDisposeScope();
            ExpAvgSq = ExpAvgSq.to(device, disposeAfter: true).DetachFromDisposeScope();
        }

        public void Dispose()
        {
            ExpAvg?.Dispose();
            ExpAvgSq?.Dispose();
        }
    }
}

/// <summary>
/// Adam with <c>torch.optim.Adam</c>'s arithmetic (coupled <paramref name="weight_decay"/>, i.e. L2
/// added to the gradient, or AdamW's decoupled decay), in one fused pass per parameter on CPU. It also
/// takes the sparse gradients of <c>nn.Embedding(…, sparse: true)</c> and treats them as the dense
/// gradient they stand for (every row steps; untouched rows with a zero gradient), which torch's Adam
/// cannot. Same seed, same data: the same weights as <c>torch.optim.Adam</c> up to float rounding.
/// </summary>
public sealed class FusedAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
    double eps = 1e-8, double weight_decay = 0, bool decoupled_weight_decay = false)
    : AdamOptimizer(parameters, lr, beta1, beta2, eps, weight_decay, decoupled_weight_decay)
{
    protected override bool Lazy => false;
}

/// <summary>
/// Row-sparse ("lazy") Adam for embedding tables: with a sparse gradient only the rows in the batch
/// take a step, and only their moments decay (TensorFlow's LazyAdam; PyTorch's SparseAdam, plus
/// dense parameters and weight decay on the touched rows). A batch then costs in proportion to its
/// rows, not to the table. On rows that all receive gradients it equals <see cref="FusedAdam"/>.
/// Dense gradients get the ordinary Adam step.
/// </summary>
public sealed class LazyAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
    double eps = 1e-8, double weight_decay = 0, bool decoupled_weight_decay = false)
    : AdamOptimizer(parameters, lr, beta1, beta2, eps, weight_decay, decoupled_weight_decay)
{
    protected override bool Lazy => true;
}
