using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// Prefixes every loop body of a cell with a <see cref="CellCancellation.ThrowIfCancelled"/> call so an
/// endless loop stops at the cell timeout, and every method/local function body with
/// <see cref="CellCancellation.EnterMethod"/> so endless recursion throws instead of killing the process.
/// Inserts no line breaks: diagnostics keep their line numbers.
/// </summary>
internal sealed class LoopGuardRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Guard =
        SyntaxFactory.ParseStatement("global::RecCourse.Notebooks.Kernel.CellCancellation.ThrowIfCancelled();");

    private static readonly StatementSyntax MethodGuard =
        SyntaxFactory.ParseStatement("global::RecCourse.Notebooks.Kernel.CellCancellation.EnterMethod();");

    public static string Rewrite(string code, CSharpParseOptions options)
    {
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

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (visited.Body is { } body) return visited.WithBody(PrefixBlock(body));
        if (visited.ExpressionBody is { } arrow && ToStatement(arrow.Expression, visited.ReturnType, visited.Modifiers) is { } statement)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, statement, visited.SemicolonToken));
        }
        return visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body) return visited.WithBody(PrefixBlock(body));
        if (visited.ExpressionBody is { } arrow && ToStatement(arrow.Expression, visited.ReturnType, visited.Modifiers) is { } statement)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, statement, visited.SemicolonToken));
        }
        return visited;
    }

    private static BlockSyntax PrefixBlock(BlockSyntax body) => body.WithStatements(body.Statements.Insert(0, MethodGuard));

    /// <summary><c>=> expr;</c> as <c>{ guard; return expr; }</c> on the same lines; null when unsafe to convert.</summary>
    private static StatementSyntax? ToStatement(ExpressionSyntax expression, TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (modifiers.Any(SyntaxKind.AsyncKeyword) || expression is ThrowExpressionSyntax) return null;
        var bare = expression.WithoutLeadingTrivia().WithoutTrailingTrivia();
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
            return SyntaxFactory.ExpressionStatement(bare);
        return SyntaxFactory.ReturnStatement(
            SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), bare,
            SyntaxFactory.Token(SyntaxKind.SemicolonToken));
    }

    private static BlockSyntax ArrowToBlock(ArrowExpressionClauseSyntax arrow, StatementSyntax statement, SyntaxToken semicolon)
    {
        // Line breaks around "=>" and before the expression move into the braces so line numbers stay put.
        var open = SyntaxFactory.Token(SyntaxKind.OpenBraceToken)
            .WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia)
            .WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia.AddRange(arrow.Expression.GetLeadingTrivia()));
        var close = SyntaxFactory.Token(SyntaxKind.CloseBraceToken)
            .WithLeadingTrivia(arrow.Expression.GetTrailingTrivia())
            .WithTrailingTrivia(semicolon.TrailingTrivia);
        return SyntaxFactory.Block(open, SyntaxFactory.List([MethodGuard, statement]), close);
    }
}
