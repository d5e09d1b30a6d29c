using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// Prefixes every loop body of a cell with a <see cref="CellCancellation.ThrowIfCancelled"/> call so an
/// endless loop stops at the cell timeout. Inserts no line breaks: diagnostics keep their line numbers.
/// </summary>
internal sealed class LoopGuardRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Guard =
        SyntaxFactory.ParseStatement("global::RecCourse.Notebooks.Kernel.CellCancellation.ThrowIfCancelled();");

    public static string Rewrite(string code, CSharpParseOptions options)
    {
        if (!code.Contains("while", StringComparison.Ordinal) && !code.Contains("for", StringComparison.Ordinal)
            && !code.Contains("goto", StringComparison.Ordinal))
            return code;
        var tree = CSharpSyntaxTree.ParseText(code, options);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return code; // let the compiler report it
        return new LoopGuardRewriter().Visit(tree.GetRoot()).ToFullString();
    }

    private static StatementSyntax Guarded(StatementSyntax body) =>
        SyntaxFactory.Block(Guard, body.WithoutLeadingTrivia().WithoutTrailingTrivia())
            .WithLeadingTrivia(body.GetLeadingTrivia()).WithTrailingTrivia(body.GetTrailingTrivia());

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guarded(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guarded(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guarded(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guarded(visited.Statement));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node) =>
        // goto loops: guard each jump by wrapping it in a block.
        SyntaxFactory.Block(Guard, node.WithoutLeadingTrivia().WithoutTrailingTrivia())
            .WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia());
}
