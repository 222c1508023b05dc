using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Waits;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Waits;

/// <summary>
/// SW2002's fix: a hand-rolled lock loop that only acquires, and whose handle only holds the lock, becomes
/// <c>using var h = FileLock.Acquire(lockPath, timeout);</c> (<c>await FileLock.AcquireAsync(…)</c> when the loop
/// awaits its delay). Recognized shapes (anything else gets no fix):
/// <list type="bullet">
/// <item>the loop body is <c>try { … } catch (IOException) { [if (timed out) throw …;] Sleep/Delay; }</c>;</item>
/// <item>held after the loop: <c>h = open; [break;]</c> in the <c>try</c>, <c>h</c> declared before the loop, and the
/// statement after the loop is <c>using (h) { … }</c> or <c>try { … } finally { h.Dispose(); [File.Delete(lockPath);] }</c>;</item>
/// <item>held in the loop: <c>using var h = open;</c> (or <c>using (var h = open) { … }</c>) then the work, then
/// <c>return</c>/<c>break</c>, with <c>h</c> not used by the work.</item>
/// </list>
/// The timeout is the one of the wall-clock check that throws (a start or deadline local used only there), else
/// <c>Timeout.InfiniteTimeSpan</c>.
/// </summary>
internal static class LockLoopRewrite
{
    public static FixPlan? TryPlan(FixContext context, StatementSyntax loopStatement)
    {
        if (context.Operation(loopStatement) is not ILoopOperation loopOperation
            || !LockFileLoops.TryAnalyze(loopOperation, context.Symbols, out var lockLoop)
            || lockLoop.IsInHelper
            || lockLoop.LockPath?.Syntax is not ExpressionSyntax lockPath
            || loopStatement.Parent is not BlockSyntax block
            || LoopBody(loopStatement) is not BlockSyntax { Statements.Count: 1 } body
            || body.Statements[0] is not TryStatementSyntax { Catches.Count: 1, Finally: null } tryStatement
            || tryStatement.Catches[0].Filter is not null)
        {
            return null;
        }

        var catchAnalysis = AnalyzeCatch(context, tryStatement.Catches[0].Block, loopStatement);
        if (catchAnalysis is null)
        {
            return null;
        }

        var (timeout, removedStart, awaitsDelay, cancellationToken) = catchAnalysis.Value;

        // In async code the lock is awaited (not in a lock statement, where await is not allowed).
        var isAsync = awaitsDelay || (loopOperation.IsInAsyncCode() && !IsInLockStatement(loopOperation));
        var held = HeldAfterLoop(context, loopStatement, block, tryStatement, lockLoop.Opener.Syntax)
                   ?? HeldInLoop(context, loopStatement, block, tryStatement, lockLoop.Opener.Syntax);
        if (held is null)
        {
            return null;
        }

        var position = loopStatement.SpanStart;
        var fileLock = context.TypeName(position, context.Symbols.FileLock, "FileLock", "global::SafeWrites.FileLock", out var needsSafeWrites);
        var arguments = new List<string> { lockPath.WithoutTrivia().ToString(), timeout.Expression };
        if (cancellationToken is not null)
        {
            arguments.Add(cancellationToken);
        }

        var acquire = $"{(isAsync ? "await " : string.Empty)}{fileLock}.{(isAsync ? "AcquireAsync" : "Acquire")}({string.Join(", ", arguments)})";
        var (handle, work, workIsLast, _) = held.Value;
        var replacement = new List<StatementSyntax>();
        if (workIsLast || work is null)
        {
            replacement.Add(SyntaxFactory.ParseStatement($"using var {handle} = {acquire};"));
            if (work is not null)
            {
                replacement.AddRange(work.Statements);
            }
        }
        else
        {
            replacement.Add(((UsingStatementSyntax)SyntaxFactory.ParseStatement($"using (var {handle} = {acquire}) {{ }}")).WithStatement(work.WithoutLeadingTrivia()));
        }

        var removed = new List<StatementSyntax>(held.Value.Removed);
        if (removedStart is not null)
        {
            removed.Add(removedStart);
        }

        for (var i = 0; i < replacement.Count; i++)
        {
            var statement = i == 0
                ? replacement[i].WithLeadingTrivia(LeadingTriviaKeepingComments(loopStatement, removed))
                : replacement[i];
            replacement[i] = statement.WithTrailingTrivia(Trivia.EndOfLine(loopStatement)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        var spans = new List<TextSpan> { loopStatement.Span };
        foreach (var statement in removed)
        {
            spans.Add(statement.Span);
        }

        var plan = new DelegatePlan(spans.ToArray(), editor =>
        {
            editor.InsertBefore(loopStatement, replacement);
            editor.RemoveNode(loopStatement, SyntaxRemoveOptions.KeepNoTrivia);
            foreach (var statement in removed)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
        })
        {
            NeedsSafeWritesImport = needsSafeWrites,
        };
        plan.OtherImports.AddRange(timeout.Imports);
        return plan;
    }

    /// <summary>
    /// The loop's leading trivia with the comments of the statements removed with it, in source order: they all
    /// land above the one statement that replaces them (moving them to neighbours would edit nodes that go too).
    /// </summary>
    private static SyntaxTriviaList LeadingTriviaKeepingComments(StatementSyntax loop, IEnumerable<StatementSyntax> removedStatements)
    {
        var removed = removedStatements.OrderBy(statement => statement.SpanStart).ToList();
        var leading = loop.GetLeadingTrivia();
        for (var i = removed.Count - 1; i >= 0; i--)
        {
            if (removed[i].SpanStart < loop.SpanStart && Trivia.HasComments(removed[i].GetLeadingTrivia()))
            {
                leading = Trivia.Merge(removed[i].GetLeadingTrivia(), leading);
            }
        }

        foreach (var statement in removed)
        {
            if (statement.SpanStart > loop.SpanStart && Trivia.HasComments(statement.GetLeadingTrivia()))
            {
                // Blank lines that set the statement apart from the loop go with the loop.
                var trivia = statement.GetLeadingTrivia();
                var firstComment = 0;
                while (trivia[firstComment].IsKind(SyntaxKind.WhitespaceTrivia) || trivia[firstComment].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    firstComment++;
                }

                leading = Trivia.Merge(leading, SyntaxFactory.TriviaList(trivia.Skip(firstComment)));
            }
        }

        return leading;
    }

    private static bool IsInLockStatement(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static StatementSyntax? LoopBody(StatementSyntax loop)
        => loop switch
        {
            WhileStatementSyntax { Condition: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } } whileLoop => whileLoop.Statement,
            WhileStatementSyntax whileLoop => whileLoop.Statement,
            DoStatementSyntax doLoop => doLoop.Statement,
            ForStatementSyntax { Declaration: null, Initializers.Count: 0, Condition: null, Incrementors.Count: 0 } forLoop => forLoop.Statement,
            _ => null,
        };

    /// <summary>True when the loop's condition is <c>true</c>/empty, or checks that <paramref name="handle"/> is still null.</summary>
    private static bool ConditionAllows(StatementSyntax loop, string? handle)
    {
        var condition = loop switch
        {
            WhileStatementSyntax whileLoop => whileLoop.Condition,
            DoStatementSyntax doLoop => doLoop.Condition,
            _ => null,
        };

        return condition switch
        {
            null => loop is ForStatementSyntax,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } => true,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Left: IdentifierNameSyntax left, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } => left.Identifier.ValueText == handle,
            IsPatternExpressionSyntax { Expression: IdentifierNameSyntax left, Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } => left.Identifier.ValueText == handle,
            _ => false,
        };
    }

    /// <summary><c>h = open; [break;]</c> in the loop, then <c>using (h) { … }</c> or <c>try { … } finally { h.Dispose(); … }</c>.</summary>
    private static (string Handle, BlockSyntax? Work, bool WorkIsLast, List<StatementSyntax> Removed)? HeldAfterLoop(
        FixContext context, StatementSyntax loop, BlockSyntax block, TryStatementSyntax tryStatement, SyntaxNode opener)
    {
        var statements = tryStatement.Block.Statements;
        if (statements.Count is < 1 or > 2
            || statements[0] is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax handleName } assignment }
            || assignment.Right.Unparenthesized() != opener
            || (statements.Count == 2 && statements[1] is not BreakStatementSyntax)
            || (statements.Count == 1 && !ConditionAllows(loop, handleName.Identifier.ValueText))
            || (statements.Count == 2 && !ConditionAllows(loop, null) && !ConditionAllows(loop, handleName.Identifier.ValueText))
            || context.SemanticModel.GetSymbolInfo(handleName, context.CancellationToken).Symbol is not ILocalSymbol handle)
        {
            return null;
        }

        var index = block.Statements.IndexOf(loop);
        if (index + 1 >= block.Statements.Count
            || DeclarationOf(block, handle, index) is not { } declaration)
        {
            return null;
        }

        var next = block.Statements[index + 1];
        BlockSyntax? work = next switch
        {
            UsingStatementSyntax { Declaration: null, Expression: { } resource, Statement: BlockSyntax usingBody } when Names(resource, handle.Name) => usingBody,
            TryStatementSyntax { Catches.Count: 0, Finally.Block: { } finallyBlock } tryFinally when OnlyReleases(finallyBlock, handle.Name) => tryFinally.Block,
            _ => null,
        };

        // The handle only holds the lock: no use besides the assignment, the loop condition and the release.
        if (work is null || CountReferences(work, handle.Name) != 0
            || CountReferences(block, handle.Name) != CountReferences(loop, handle.Name) + CountReferences(ReleaseOf(next), handle.Name))
        {
            return null;
        }

        return (handle.Name, work, index + 1 == block.Statements.Count - 1, new List<StatementSyntax> { declaration, next });
    }

    /// <summary><c>using var h = open; work…; return|break;</c> (or <c>using (var h = open) { work }</c>) in the loop's <c>try</c>.</summary>
    private static (string Handle, BlockSyntax? Work, bool WorkIsLast, List<StatementSyntax> Removed)? HeldInLoop(
        FixContext context, StatementSyntax loop, BlockSyntax block, TryStatementSyntax tryStatement, SyntaxNode opener)
    {
        if (!ConditionAllows(loop, null))
        {
            return null;
        }

        var statements = tryStatement.Block.Statements;
        string handle;
        var work = new List<StatementSyntax>();
        if (statements.Count >= 1
            && statements[0] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword, Declaration.Variables: { Count: 1 } variables }
            && variables[0] is { Initializer.Value: var value } declarator
            && value.Unparenthesized() == opener)
        {
            handle = declarator.Identifier.ValueText;
            for (var i = 1; i < statements.Count; i++)
            {
                work.Add(statements[i]);
            }
        }
        else if (statements.Count is 1 or 2
                 && statements[0] is UsingStatementSyntax { Declaration.Variables: { Count: 1 } usingVariables, Statement: BlockSyntax usingBody }
                 && usingVariables[0] is { Initializer.Value: var usingValue } usingDeclarator
                 && usingValue.Unparenthesized() == opener
                 && (statements.Count == 1 || statements[1] is BreakStatementSyntax or ReturnStatementSyntax))
        {
            handle = usingDeclarator.Identifier.ValueText;
            work.AddRange(usingBody.Statements);
            if (statements.Count == 2)
            {
                work.Add(statements[1]);
            }
        }
        else
        {
            return null;
        }

        // The loop must end here: the last statement leaves it, and nothing else does.
        if (work.Count == 0 || work[work.Count - 1] is not (BreakStatementSyntax or ReturnStatementSyntax) || Mentions(work, handle) || HasOtherExit(work))
        {
            return null;
        }

        if (work[work.Count - 1] is BreakStatementSyntax)
        {
            work.RemoveAt(work.Count - 1);
        }

        var isLast = block.Statements.IndexOf(loop) == block.Statements.Count - 1 || (work.Count > 0 && work[work.Count - 1] is ReturnStatementSyntax);
        return (handle, SyntaxFactory.Block(work), isLast, new List<StatementSyntax>());
    }

    /// <summary>The catch: an optional <c>if (timed out) throw …;</c> and sleeps or awaited delays, nothing else.</summary>
    private static ((string Expression, List<string> Imports) Timeout, StatementSyntax? RemovedStart, bool IsAsync, string? CancellationToken)? AnalyzeCatch(
        FixContext context, BlockSyntax catchBlock, StatementSyntax loop)
    {
        (string, List<string>)? timeout = null;
        StatementSyntax? removedStart = null;
        var waits = 0;
        var isAsync = false;
        string? cancellationToken = null;
        foreach (var statement in catchBlock.Statements)
        {
            if (statement is IfStatementSyntax { Else: null } check && Throws(check.Statement) && timeout is null)
            {
                var found = TimeoutOfCheck(context, check.Condition, loop);
                if (found is null)
                {
                    return null;
                }

                (timeout, removedStart) = (found.Value.Timeout, found.Value.Start);
                continue;
            }

            var expression = (statement as ExpressionStatementSyntax)?.Expression;
            var awaited = expression is AwaitExpressionSyntax awaitExpression;
            if (awaited)
            {
                expression = ((AwaitExpressionSyntax)expression!).Expression;
            }

            if (expression is not InvocationExpressionSyntax call
                || context.Operation(call) is not IInvocationOperation wait
                || !WaitLoops.IsWait(wait, context.Symbols)
                || wait.TargetMethod.Name is not ("Sleep" or "Delay"))
            {
                return null;
            }

            waits++;
            isAsync |= awaited;
            if (OperationHelpers.ArgumentOfType(wait.Arguments, context.Symbols.CancellationToken) is { } token)
            {
                cancellationToken = token.Syntax.ToString();
            }
        }

        if (waits == 0)
        {
            return null;
        }

        if (timeout is null)
        {
            var timeoutType = context.TypeName(loop.SpanStart, context.Symbols.ThreadingTimeout, "Timeout", "global::System.Threading.Timeout", out var needsThreading);
            timeout = ($"{timeoutType}.InfiniteTimeSpan", needsThreading ? new List<string> { "System.Threading" } : new List<string>());
        }

        return (timeout.Value, removedStart, isAsync, cancellationToken);
    }

    /// <summary>The timeout of a wall-clock check (<c>now - start &gt; t</c>, <c>(now - start).TotalSeconds &gt; n</c>, <c>now &gt; deadline</c>) whose local is used nowhere else.</summary>
    private static ((string, List<string>) Timeout, StatementSyntax Start)? TimeoutOfCheck(FixContext context, ExpressionSyntax condition, StatementSyntax loop)
    {
        foreach (var identifier in condition.DescendantNodesAndSelf())
        {
            if (identifier is not IdentifierNameSyntax name
                || context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                continue;
            }

            if (StopwatchCheck(context, condition, loop, local, initializer) is { } stopwatchCheck)
            {
                return stopwatchCheck;
            }

            var read = FirstWallClockRead(context, initializer);
            var measurement = read is null ? null : ClockMeasurement.TryRecognize(context, read);
            if (measurement is null || measurement.Uses.Count != 1 || !condition.Span.Contains(measurement.Uses[0].Node.Span)
                || measurement.Statement.Parent != loop.Parent)
            {
                continue;
            }

            if (measurement.Kind == ClockMeasurementKind.Deadline)
            {
                return ((measurement.Timeout!.WithoutTrivia().ToString(), new List<string>()), measurement.Statement);
            }

            var limit = LimitOfElapsed(context, condition, measurement.Uses[0].Node);
            return limit is null ? null : ((limit, new List<string>()), measurement.Statement);
        }

        return null;
    }

    /// <summary>
    /// The timeout of a stopwatch check (<c>sw.Elapsed &gt; t</c>, <c>sw.ElapsedMilliseconds &gt; n</c>), the shape SW2001's
    /// fix leaves behind: <c>var sw = Stopwatch.StartNew();</c> beside the loop, read nowhere but in the check.
    /// </summary>
    private static ((string, List<string>) Timeout, StatementSyntax Start)? StopwatchCheck(
        FixContext context, ExpressionSyntax condition, StatementSyntax loop, ILocalSymbol local, ExpressionSyntax initializer)
    {
        if (context.Operation(initializer) is not IInvocationOperation { TargetMethod.Name: "StartNew" } startNew
            || !SymbolEqualityComparer.Default.Equals(startNew.TargetMethod.ContainingType, context.Symbols.Stopwatch)
            || !ClockMeasurement.TryGetLocalDeclaration(context, initializer, out var start, out _)
            || start.Parent != loop.Parent
            || OperationHelpers.FindReferences(startNew.Root(), local) is not { Count: 1 } references
            || references[0].Parent is not IPropertyReferenceOperation { Property.Name: "Elapsed" or "ElapsedMilliseconds" } elapsed
            || !condition.Span.Contains(elapsed.Syntax.Span))
        {
            return null;
        }

        var millisecondsFactory = elapsed.Property.Name == "ElapsedMilliseconds" ? "FromMilliseconds" : null;
        var limit = LimitOfElapsed(context, condition, elapsed.Syntax, millisecondsFactory);
        return limit is null ? null : ((limit, new List<string>()), start);
    }

    private static SyntaxNode? FirstWallClockRead(FixContext context, ExpressionSyntax initializer)
    {
        foreach (var node in initializer.DescendantNodesAndSelf())
        {
            if (node is MemberAccessExpressionSyntax && ClockReads.IsWallClockRead(context.Operation(node), context.Symbols))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>elapsed &gt; t</c> → <c>t</c>; <c>elapsed.TotalSeconds &gt; n</c> → <c>TimeSpan.FromSeconds(n)</c> (either side);
    /// a numeric <c>elapsed &gt; n</c> → <c>TimeSpan.{numericFactory}(n)</c> when the elapsed value is a count of units.
    /// </summary>
    private static string? LimitOfElapsed(FixContext context, ExpressionSyntax condition, SyntaxNode elapsed, string? numericFactory = null)
    {
        if (condition.Unparenthesized() is not BinaryExpressionSyntax comparison)
        {
            return null;
        }

        var elapsedIsLeft = comparison.Left.Span.Contains(elapsed.Span);
        var measured = elapsedIsLeft ? comparison.Left : comparison.Right;
        var limit = elapsedIsLeft ? comparison.Right : comparison.Left;
        var expiredWhenGreater = elapsedIsLeft
            ? comparison.IsKind(SyntaxKind.GreaterThanExpression) || comparison.IsKind(SyntaxKind.GreaterThanOrEqualExpression)
            : comparison.IsKind(SyntaxKind.LessThanExpression) || comparison.IsKind(SyntaxKind.LessThanOrEqualExpression);
        if (!expiredWhenGreater)
        {
            return null;
        }

        string FromUnits(string factory)
            => $"{context.TypeName(condition.SpanStart, context.Symbols.TimeSpan, "TimeSpan", "global::System.TimeSpan")}.{factory}({limit.WithoutTrivia()})";

        if (measured.Unparenthesized() == elapsed)
        {
            if (numericFactory is not null)
            {
                return FromUnits(numericFactory);
            }

            return context.Symbols.IsType(context.SemanticModel.GetTypeInfo(limit, context.CancellationToken).Type, context.Symbols.TimeSpan)
                ? limit.WithoutTrivia().ToString()
                : null;
        }

        if (measured.Unparenthesized() is MemberAccessExpressionSyntax { Expression: var inner } total && inner.Unparenthesized() == elapsed.Unparenthesized())
        {
            var factory = total.Name.Identifier.ValueText switch
            {
                "TotalMilliseconds" => "FromMilliseconds",
                "TotalSeconds" => "FromSeconds",
                "TotalMinutes" => "FromMinutes",
                "TotalHours" => "FromHours",
                _ => null,
            };
            return factory is null ? null : FromUnits(factory);
        }

        return null;
    }

    private static SyntaxNode Unparenthesized(this SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }

    private static bool Throws(StatementSyntax statement)
        => statement is ThrowStatementSyntax || (statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ThrowStatementSyntax);

    private static LocalDeclarationStatementSyntax? DeclarationOf(BlockSyntax block, ILocalSymbol handle, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (block.Statements[i] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.None, Declaration.Variables.Count: 1 } declaration
                && declaration.Declaration.Variables[0] is var declarator
                && declarator.Identifier.ValueText == handle.Name
                && (declarator.Initializer is null || declarator.Initializer.Value.IsKind(SyntaxKind.NullLiteralExpression) || declarator.Initializer.Value.IsKind(SyntaxKind.DefaultLiteralExpression)))
            {
                return declaration;
            }
        }

        return null;
    }

    private static bool Names(ExpressionSyntax expression, string name)
        => expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
           || expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: IdentifierNameSyntax operand } && operand.Identifier.ValueText == name;

    /// <summary>A <c>finally</c> that only closes the handle and deletes the lock file.</summary>
    private static bool OnlyReleases(BlockSyntax finallyBlock, string handle)
    {
        var closes = 0;
        foreach (var statement in finallyBlock.Statements)
        {
            var expression = (statement as ExpressionStatementSyntax)?.Expression;
            if (expression is ConditionalAccessExpressionSyntax { Expression: var receiver, WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } }
                && Names(receiver, handle) && binding.Name.Identifier.ValueText is "Dispose" or "Close")
            {
                closes++;
                continue;
            }

            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } && member.Name.Identifier.ValueText is "Dispose" or "Close" && Names(member.Expression, handle))
            {
                closes++;
                continue;
            }

            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delete" } })
            {
                // File.Delete(lockPath): FileLock never deletes its lock file (deleting would let two holders lock two files).
                continue;
            }

            return false;
        }

        return closes == 1;
    }

    private static int CountReferences(SyntaxNode scope, string name)
    {
        var count = 0;
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Where the handle is released: the resource of <c>using (h)</c>, or the <c>finally</c> block.</summary>
    private static SyntaxNode ReleaseOf(StatementSyntax next)
        => next is TryStatementSyntax tryFinally ? tryFinally.Finally! : ((UsingStatementSyntax)next).Expression!;

    private static bool Mentions(List<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (CountReferences(statement, name) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>break</c>/<c>continue</c> (of this loop) or <c>return</c> before the last statement of the work.</summary>
    private static bool HasOtherExit(List<StatementSyntax> work)
    {
        for (var i = 0; i < work.Count - 1; i++)
        {
            foreach (var node in work[i].DescendantNodesAndSelf(descendIntoChildren: child => child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or SwitchStatementSyntax)))
            {
                if (node is BreakStatementSyntax or ContinueStatementSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
