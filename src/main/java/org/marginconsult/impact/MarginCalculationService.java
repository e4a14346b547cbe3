package org.marginconsult.impact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.methodology.ParameterOverrides;
import org.marginconsult.margin.methodology.cross.CrossMargin;
import org.marginconsult.margin.methodology.cross.CrossMarginParameters;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMarginParameters;
import org.marginconsult.margin.methodology.span.ScanRangeException;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.methodology.span.SpanDefaults;
import org.marginconsult.margin.methodology.strategy.StrategyBased;
import org.marginconsult.margin.methodology.strategy.StrategyBasedParameters;
import org.marginconsult.web.JsonErrors;

/**
 * Serves one synchronous margin calculation: reads the request field by field (one error per bad field),
 * applies parameter overrides for what-ifs, runs the methodology from the margin library and renders the
 * result. Nothing is stored, so there is no transaction. A request either gets a result or a list of
 * errors; input never causes a server error.
 */
@ApplicationScoped
public class MarginCalculationService {

    /** The methodologies a request may name. */
    static final List<String> METHODOLOGIES = List.of(StrategyBased.ID, PortfolioMargin.ID, Span.ID, CrossMargin.ID);
    /** The securities-account methodologies a cross-margin request may compare against. */
    static final List<String> SECURITIES_METHODOLOGIES = List.of(PortfolioMargin.ID, StrategyBased.ID);

    private static final Set<String> FIELDS = Set.of("methodology", "asOf", "proposal", "parameters", "positions",
            "securitiesMethodology", "riskFreeRate");

    /** Stands in for a position that was not a JSON object (already reported) so the others can be checked. */
    private static final Position EMPTY = new Position("", null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    private final MarginCatalog catalog;
    private final MarginConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    @Inject
    public MarginCalculationService(MarginCatalog catalog, MarginConfig config, Clock clock, ObjectMapper mapper) {
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
        this.json = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * Calculates the margin a request asks for.
     *
     * @param body the request's JSON text
     * @return the result
     * @throws MarginRequestException with one error per bad field
     */
    public MarginCalculationResponse calculate(String body) {
        JsonNode request;
        try {
            request = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new MarginRequestException(List.of(ApiError.field("body",
                    "the body is not valid JSON: " + e.getOriginalMessage())));
        }
        if (request == null || !request.isObject()) {
            throw new MarginRequestException(List.of(ApiError.field("body", "the body must be a JSON object")));
        }
        List<ApiError> errors = new ArrayList<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(ApiError.field(name, "unknown field; the fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        String methodology = text(request, "methodology");
        if (methodology == null) {
            errors.add(ApiError.field("methodology", "methodology is required: one of " + METHODOLOGIES));
        } else {
            methodology = methodology.toUpperCase(Locale.ROOT);
            if (!METHODOLOGIES.contains(methodology)) {
                errors.add(ApiError.field("methodology", "unknown methodology '" + methodology + "': one of "
                        + METHODOLOGIES));
            }
        }
        LocalDate asOf = LocalDate.now(clock);
        String asOfText = text(request, "asOf");
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                errors.add(ApiError.field("asOf", "asOf must be an ISO date (YYYY-MM-DD), got '" + asOfText + "'"));
            }
        }
        double rate = config.riskFreeRate();
        JsonNode rateNode = request.get("riskFreeRate");
        if (rateNode != null && !rateNode.isNull()) {
            if (!rateNode.isNumber() || !Double.isFinite(rateNode.doubleValue()) || Math.abs(rateNode.doubleValue()) > 1) {
                errors.add(ApiError.field("riskFreeRate", "riskFreeRate is a decimal number between -1 and 1 (0.04 = 4%)"));
            } else {
                rate = rateNode.doubleValue();
            }
        }
        String proposalId = text(request, "proposal");
        CrossMarginProposal proposal = null;
        if (CrossMargin.ID.equals(methodology)) {
            if (proposalId == null) {
                errors.add(ApiError.field("proposal", "CROSS_MARGIN needs a proposal: one of "
                        + catalog.proposals().keySet()));
            } else {
                proposal = catalog.proposal(proposalId).orElse(null);
                if (proposal == null) {
                    errors.add(ApiError.field("proposal", "unknown proposal '" + proposalId + "': one of "
                            + catalog.proposals().keySet()));
                }
            }
        } else if (proposalId != null) {
            errors.add(ApiError.field("proposal", "a proposal applies only to CROSS_MARGIN"));
        }
        String securities = text(request, "securitiesMethodology");
        if (securities != null) {
            securities = securities.toUpperCase(Locale.ROOT);
            if (!CrossMargin.ID.equals(methodology)) {
                errors.add(ApiError.field("securitiesMethodology", "securitiesMethodology applies only to CROSS_MARGIN"));
            } else if (!SECURITIES_METHODOLOGIES.contains(securities)) {
                errors.add(ApiError.field("securitiesMethodology", "one of " + SECURITIES_METHODOLOGIES));
            }
        }
        JsonNode overrides = request.get("parameters");
        if (overrides != null && !overrides.isNull() && !overrides.isObject()) {
            errors.add(ApiError.field("parameters", "parameters is a JSON object of overrides"));
            overrides = null;
        }
        JsonNode positionsNode = request.get("positions");
        List<Position> positions = new ArrayList<>();
        if (positionsNode == null || !positionsNode.isArray()) {
            errors.add(ApiError.field("positions", "positions is required: a JSON array of positions"));
        } else {
            for (int i = 0; i < positionsNode.size(); i++) {
                positions.add(PositionJson.read(i, positionsNode.get(i), errors));
            }
        }
        List<ApiError> requestErrors = errors.stream().filter(e -> e.position() == null).toList();
        if (!requestErrors.isEmpty()) {
            throw new MarginRequestException(errors);
        }
        // Values that did not parse are reported once; the contract's other checks run on what did parse.
        Set<String> unparsed = new java.util.HashSet<>();
        errors.forEach(e -> unparsed.add(e.position() + ":" + e.field()));
        List<Position> readable = positions.stream().map(p -> p == null ? EMPTY : p).toList();
        for (FieldError e : PositionValidator.validate(readable, asOf)) {
            if (!unparsed.contains(e.positionIndex() + ":" + e.field()) && positions.get(e.positionIndex()) != null) {
                errors.add(new ApiError(e.positionIndex(), e.field(), e.message()));
            }
        }
        if (!errors.isEmpty()) {
            List<ApiError> sorted = new ArrayList<>(errors);
            sorted.sort(java.util.Comparator.comparing(ApiError::position)
                    .thenComparing(e -> PositionJson.ORDER.indexOf(e.field())));
            throw new MarginRequestException(sorted);
        }
        Methodology method = methodology(methodology, proposal, overrides,
                securities == null ? PortfolioMargin.ID : securities);
        ValuationContext context = new ValuationContext(asOf, new Rates(rate), catalog.referenceData());
        MarginResult result;
        try {
            result = method.calculate(positions, context);
        } catch (InvalidPortfolioException e) {
            throw new MarginRequestException(e.errors().stream()
                    .map(x -> new ApiError(x.positionIndex(), x.field(), x.message())).toList());
        } catch (ScanRangeException e) {
            int index = 0;
            while (index < positions.size() && !e.positionId().equals(positions.get(index).positionId())) {
                index++;
            }
            throw new MarginRequestException(List.of(index < positions.size()
                    ? new ApiError(index, e.field(), e.getMessage()) : ApiError.field("positions", e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new MarginRequestException(List.of(ApiError.field("parameters", e.getMessage())));
        } catch (ArithmeticException e) {
            throw new MarginRequestException(List.of(ApiError.field("positions", Money.AMOUNTS_TOO_LARGE)));
        }
        return MarginCalculationResponse.of(result);
    }

    private Methodology methodology(String id, CrossMarginProposal proposal, JsonNode overrides, String securities) {
        boolean whatIf = overrides != null && !overrides.isNull() && overrides.size() > 0;
        String tag = whatIf ? "whatif-" + fingerprint(overrides) : null;
        return switch (id) {
            case StrategyBased.ID -> new StrategyBased(whatIf
                    ? override(StrategyBasedParameters.defaults(), overrides, StrategyBasedParameters.class, tag)
                    : StrategyBasedParameters.defaults());
            case PortfolioMargin.ID -> new PortfolioMargin(whatIf
                    ? overridden(() -> PortfolioMarginParameters.defaults().withOverrides(asMap(overrides)))
                    : PortfolioMarginParameters.defaults());
            case Span.ID -> new Span(whatIf
                    ? overridden(() -> SpanDefaults.parameters().withOverrides(asMap(overrides)))
                    : SpanDefaults.parameters());
            case CrossMargin.ID -> new CrossMargin(whatIf
                    ? proposal.withParameters(override(proposal.parameters(), overrides, CrossMarginParameters.class,
                            null), tag)
                    : proposal, StrategyBased.ID.equals(securities) ? StrategyBased.withDefaults()
                            : PortfolioMargin.withDefaults(), Span.withDefaults());
            default -> throw new IllegalStateException("methodology checked above: " + id);
        };
    }

    /** Applies a parameter set's own {@code withOverrides}, turning its field errors into API errors. */
    private static <T> T overridden(java.util.function.Supplier<T> apply) {
        try {
            return apply.get();
        } catch (ParameterOverrides.InvalidParametersException e) {
            throw new MarginRequestException(e.errors().stream().map(x -> ApiError.field(x.field(), x.message()))
                    .toList());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> asMap(JsonNode overrides) {
        return json.convertValue(overrides, Map.class);
    }

    /**
     * Applies overrides to a parameter record: the record as JSON, the overrides merged in (objects merged
     * key by key, anything else replaced), bound back (the record's own checks apply). The version of a
     * parameter set that has one is tagged so a what-if is never mistaken for the published set.
     */
    private <T> T override(T defaults, JsonNode overrides, Class<T> type, String versionTag) {
        ObjectNode tree = json.valueToTree(defaults);
        List<ApiError> errors = new ArrayList<>();
        merge(tree, overrides, "parameters", errors);
        if (versionTag != null && tree.hasNonNull("version")) {
            tree.put("version", tree.get("version").asText() + "+" + versionTag);
        }
        if (!errors.isEmpty()) {
            throw new MarginRequestException(errors);
        }
        try {
            return json.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw new MarginRequestException(List.of(ApiError.field(path(e), e.getOriginalMessage())));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MarginRequestException(List.of(ApiError.field(path(e), cause.getMessage())));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MarginRequestException(List.of(ApiError.field("parameters", e.getMessage())));
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides, String path, List<ApiError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = path + "." + e.getKey();
            JsonNode current = target.get(e.getKey());
            if (current == null) {
                errors.add(ApiError.field(field, "unknown parameter; the parameters are "
                        + sorted(target.fieldNames())));
            } else if (current.isObject() && e.getValue().isObject() && !current.isEmpty()) {
                merge((ObjectNode) current, e.getValue(), field, errors);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static Set<String> sorted(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        return JsonErrors.path("parameters", e.getPath());
    }

    private String fingerprint(JsonNode overrides) {
        try {
            byte[] canonical = json.writeValueAsBytes(json.treeToValue(overrides, Object.class));
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
