package org.marginconsult.impact;

import java.util.List;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.ChangeAttribution;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.VersionedId;

/**
 * The JSON answer of {@code POST /api/v1/margin/calculate}: a {@link MarginResult} with every amount as a
 * decimal string in USD with two decimals ("1150.00"), so no client parses money as a binary float.
 * Accounts: {@code "SECURITIES"}, {@code "FUTURES"} or {@code "COMBINED"} (the cross-margin account).
 */
public record MarginCalculationResponse(
        String total, String initial, String maintenance, String saleProceeds, String currency,
        Id methodology, Id parameterSet, String inputHash, String asOf,
        List<AccountJson> accounts, List<LineJson> breakdown, List<ScenarioJson> worstScenarios,
        AttributionJson attribution, List<WarningJson> warnings) {

    /** An id and its version. */
    public record Id(String id, String version) {
        static Id of(VersionedId v) {
            return new Id(v.id(), v.version());
        }
    }

    /** One account's figures. */
    public record AccountJson(String account, String total, String maintenance, String saleProceeds) {
    }

    /** One breakdown line; the lines add up to the total. */
    public record LineJson(String group, String groupKind, String account, String kind, String description,
            String amount, List<String> positionIds) {
    }

    /** A position's weighted P&amp;L (gain positive) in its group's worst scenario. */
    public record PositionPnlJson(String positionId, String pnl) {
    }

    /** The scenario that set a group's scan risk. */
    public record ScenarioJson(String group, String groupKind, String account, int scenarioIndex, String scenario,
            double priceMove, double volShift, double yieldShiftBp, double weight, String loss,
            List<PositionPnlJson> positions) {
    }

    /** Change from the siloed requirement by cause (cross-margin only). */
    public record AttributionJson(String siloedTotal, String gridChange, String offsetChange, String addOnChange,
            String floorChange, String proposalTotal) {
    }

    /** Something the user should know. */
    public record WarningJson(String code, String subject, String message) {
    }

    static String account(Account a) {
        return a == null ? "COMBINED" : a.name();
    }

    /** Renders a result. */
    public static MarginCalculationResponse of(MarginResult r) {
        ChangeAttribution a = r.attribution();
        return new MarginCalculationResponse(r.total().toPlainString(), r.initial().toPlainString(),
                r.maintenance().toPlainString(), r.saleProceeds().toPlainString(), r.currency(),
                Id.of(r.methodology()), Id.of(r.parameterSet()), r.inputHash(), r.asOf().toString(),
                r.accounts().stream().map(x -> new AccountJson(account(x.account()), x.total().toPlainString(),
                        x.maintenance().toPlainString(), x.saleProceeds().toPlainString())).toList(),
                r.breakdown().stream().map(l -> new LineJson(l.group(), l.groupKind().name(), account(l.account()),
                        l.kind().name(), l.description(), l.amount().toPlainString(), l.positionIds())).toList(),
                r.worstScenarios().stream().map(w -> new ScenarioJson(w.group(), w.groupKind().name(),
                        account(w.account()), w.scenarioIndex(), w.scenarioLabel(), w.priceMove(), w.volShift(),
                        w.yieldShiftBp(), w.weight(), w.loss().toPlainString(),
                        w.positions().stream().map(p -> new PositionPnlJson(p.positionId(), p.pnl().toPlainString()))
                                .toList())).toList(),
                a == null ? null : new AttributionJson(a.siloedTotal().toPlainString(), a.gridChange().toPlainString(),
                        a.offsetChange().toPlainString(), a.addOnChange().toPlainString(),
                        a.floorChange().toPlainString(), a.proposalTotal().toPlainString()),
                r.warnings().stream().map(w -> new WarningJson(w.code(), w.subject(), w.message())).toList());
    }
}
