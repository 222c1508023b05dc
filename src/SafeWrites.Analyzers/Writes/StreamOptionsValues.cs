using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// The <c>Mode</c> and <c>Access</c> a <c>FileStreamOptions</c> has when a file is opened with it (rules.md, issue 13):
/// built inline, in a local (its initializer, then <c>options.Mode = …</c> before the open), or in a field or property
/// of the type (every value any member of the type gives it). When the possible values do not all mean the same
/// thing, the mode is unknown and the open is not reported.
/// </summary>
internal static class StreamOptionsValues
{
    /// <summary>What <paramref name="modeOf"/> (mode, access) says for every value the options can have at the open; <see cref="FileWriteMode.None"/> when they differ or are unknown.</summary>
    public static FileWriteMode ModeAtOpen(IOperation options, Func<IOperation?, IOperation?, FileWriteMode> modeOf)
    {
        var states = StatesAtOpen(options);
        if (states is null || states.Count == 0)
        {
            return FileWriteMode.None;
        }

        FileWriteMode? result = null;
        foreach (var (mode, access) in states)
        {
            var each = mode is null ? FileWriteMode.None : modeOf(mode, access);
            if (result is { } earlier && earlier != each)
            {
                return FileWriteMode.None;
            }

            result = each;
        }

        return result ?? FileWriteMode.None;
    }

    private static List<(IOperation? Mode, IOperation? Access)>? StatesAtOpen(IOperation options)
    {
        var value = options.WalkDownConversions();
        switch (value)
        {
            case IObjectCreationOperation creation:
                return new() { Initial(creation) };
            case ILocalReferenceOperation local:
                return LocalStates(local);
            case IFieldReferenceOperation or IPropertyReferenceOperation when value.ReferencedSymbol() is { } member:
                return MemberStates(member, value);
            default:
                return null;
        }
    }

    /// <summary>The local's creation, then the property assignments before the open in source order (a conditional one adds a state).</summary>
    private static List<(IOperation?, IOperation?)>? LocalStates(ILocalReferenceOperation reference)
    {
        var assigned = OperationHelpers.AssignedValues(reference.Root(), reference.Local);
        if (assigned.Count != 1 || assigned[0].WalkDownConversions() is not IObjectCreationOperation creation)
        {
            return null;
        }

        var states = new List<(IOperation? Mode, IOperation? Access)> { Initial(creation) };
        var open = reference.Syntax.SpanStart;
        foreach (var operation in reference.Root().Descendants())
        {
            if (operation.Syntax.SpanStart >= open || !IsPropertyAssignment(operation, reference.Local, out var name, out var assignedValue))
            {
                continue;
            }

            var changed = new List<(IOperation? Mode, IOperation? Access)>();
            foreach (var state in states)
            {
                changed.Add(name == "Mode" ? (assignedValue, state.Access) : (state.Mode, assignedValue));
            }

            if (Publishes.RunsOnEveryPath(operation, reference))
            {
                states = changed;
            }
            else
            {
                states.AddRange(changed);
            }
        }

        return states;
    }

    /// <summary>A field or property of the type: every value any member gives it (initializer, assignments, <c>x.Mode = …</c>), in any order.</summary>
    private static List<(IOperation?, IOperation?)>? MemberStates(ISymbol member, IOperation reference)
    {
        if (member.ContainingType is not { } type || member.DeclaringSyntaxReferences.IsEmpty || reference.SemanticModel is null)
        {
            return null;
        }

        var symbols = KnownSymbols.Get(reference.SemanticModel.Compilation);
        var calls = CompilationCalls.Get(symbols);
        var modes = new List<IOperation?>();
        var accesses = new List<IOperation?>();

        // The declaration's own value: a field or auto-property initializer, an expression-bodied getter.
        foreach (var declaration in member.DeclaringSyntaxReferences)
        {
            var node = declaration.GetSyntax();
            ExpressionSyntax? initial = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };

            if (initial is not null && !AddCreation(calls.Bind(initial), modes, accesses))
            {
                return null;
            }
        }

        var initialCount = modes.Count;

        // `member.Mode = …` in a constructor, on every path, runs before any other member can open with it.
        List<IOperation?> constructorModes = new(), constructorAccesses = new();
        foreach (var part in type.DeclaringSyntaxReferences)
        {
            var index = TypeSyntaxIndex.Get(part.GetSyntax());
            foreach (var node in index.WritesToMemberNamed(member.Name))
            {
                if (node is AssignmentExpressionSyntax && calls.Bind(node) is ISimpleAssignmentOperation assignment
                    && SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), member)
                    && !AddCreation(assignment.Value, modes, accesses))
                {
                    return null;
                }
            }

            foreach (var property in new[] { "Mode", "Access" })
            {
                foreach (var node in index.WritesToMemberNamed(property))
                {
                    if (node is AssignmentExpressionSyntax && calls.Bind(node) is { } operation
                        && IsPropertyAssignment(operation, member, out var name, out var assignedValue))
                    {
                        var inConstructor = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                                            && Publishes.RunsOnEveryPath(operation, null);
                        (name == "Mode" ? inConstructor ? constructorModes : modes : inConstructor ? constructorAccesses : accesses).Add(assignedValue);
                    }
                }
            }
        }

        if (constructorModes.Count > 0)
        {
            modes.RemoveRange(0, initialCount);
            modes.AddRange(constructorModes);
        }

        if (constructorAccesses.Count > 0)
        {
            accesses.RemoveRange(0, initialCount);
            accesses.AddRange(constructorAccesses);
        }

        var states = new List<(IOperation?, IOperation?)>();
        foreach (var mode in modes)
        {
            foreach (var access in accesses)
            {
                states.Add((mode, access));
            }
        }

        return states;
    }

    /// <summary>Adds the <c>Mode</c>/<c>Access</c> of a <c>new FileStreamOptions { … }</c> (null for a default); false for any other value.</summary>
    private static bool AddCreation(IOperation? value, List<IOperation?> modes, List<IOperation?> accesses)
    {
        if (value.WalkDownConversions() is not IObjectCreationOperation creation)
        {
            return false;
        }

        var (mode, access) = Initial(creation);
        modes.Add(mode);
        accesses.Add(access);
        return true;
    }

    private static (IOperation? Mode, IOperation? Access) Initial(IObjectCreationOperation creation)
    {
        IOperation? mode = null, access = null;
        if (creation.Initializer is null)
        {
            return (mode, access);
        }

        foreach (var member in creation.Initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                if (property.Property.Name == "Mode")
                {
                    mode = assignment.Value;
                }
                else if (property.Property.Name == "Access")
                {
                    access = assignment.Value;
                }
            }
        }

        return (mode, access);
    }

    /// <summary><c>holder.Mode = …</c> or <c>holder.Access = …</c>.</summary>
    private static bool IsPropertyAssignment(IOperation operation, ISymbol holder, out string name, out IOperation value)
    {
        name = "";
        value = null!;
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" or "Access" } property } assignment
            && SymbolEqualityComparer.Default.Equals(property.Instance.ReferencedSymbol(), holder))
        {
            name = property.Property.Name;
            value = assignment.Value;
            return true;
        }

        return false;
    }
}
