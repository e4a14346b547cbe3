package org.marginconsult.portfolio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientIdentifierGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"client", "Client Name", "customer_id", "name", "full_name", "email", "E-mail Address",
            "ssn", "Social Security Number", "tax id", "TIN", "lei", "IBAN", "phone", "mobile", "address", "street",
            "date_of_birth", "DOB", "passport", "account_number", "accountNumber", "Account No", "account_id",
            "account holder", "acct", "acct_no", "beneficiary", "counterparty", "investor"})
    void aColumnNamedLikeAPersonOrAccountIdentifierIsRefused(String header) {
        assertTrue(ClientIdentifierGuard.isIdentifyingColumn(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"account", "notes", "strategy", "book", "desk_code", "trade_date", "sector", "delta"})
    void otherColumnNamesAreNotIdentifiers(String header) {
        assertFalse(ClientIdentifierGuard.isIdentifyingColumn(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "contact: j_doe+x@mail.example.org", "123-45-6789", "SSN 078-05-1120",
            "5493001KJTIIGC8Y1R12", "GB82WEST12345698765432", "DE89370400440532013000"})
    void aValueShapedLikeAnEmailSsnLeiOrIbanIsAnIdentifier(String value) {
        assertTrue(ClientIdentifierGuard.identifierKind(value).isPresent(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPXW 270115C06900", "@ES", "ESH7@CME", "2027-03-19", "T 4 1/4 11/15/35", "1234-56-7890",
            "12-345-6789", "BTC-PERP", "5493001KJTIIGC8Y1R13", "GB82WEST12345698765431", "P000000000000000001",
            "91282CLF6"})
    void ordinaryPositionValuesAreNotIdentifiers(String value) {
        assertEquals(Optional.empty(), ClientIdentifierGuard.identifierKind(value), value);
    }
}
