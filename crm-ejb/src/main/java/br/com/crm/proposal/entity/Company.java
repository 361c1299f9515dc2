package br.com.crm.proposal.entity;

import br.com.crm.kernel.BusinessException;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;

/** The company that issues proposals, as their letterhead shows it: one row, set in Configurações → Vendas. */
@Entity
@Table(name = "crm_company")
public class Company implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final long ID = 1;
    public static final int NAME_LENGTH = 200;
    public static final int ADDRESS_LENGTH = 500;
    public static final int LOGO_BYTES = 512 * 1024;

    @Id
    private Long id;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "tax_id", length = 14)
    private String taxId;

    @Column(length = ADDRESS_LENGTH)
    private String address;

    @Column(length = 30)
    private String phone;

    @Column(length = 254)
    private String email;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "logo")
    private byte[] logo;

    @Version
    private long version;

    protected Company() {
        // for JPA
    }

    /** The letterhead's text; {@code taxId} as digits (checked by the caller). */
    public void edit(String name, String taxId, String address, String phone, String email) {
        if (name == null || name.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "company.name.required", "name");
        }
        this.name = limit(name, NAME_LENGTH, "name");
        this.taxId = taxId;
        this.address = limit(address, ADDRESS_LENGTH, "address");
        this.phone = limit(phone, 30, "phone");
        this.email = limit(email, 254, "email");
    }

    /** A PNG or JPEG logo, or none. */
    public void changeLogo(byte[] logo) {
        if (logo != null && logo.length > LOGO_BYTES) {
            throw new BusinessException(BusinessException.Kind.INVALID, "company.logo.tooLarge", "logo",
                    LOGO_BYTES / 1024);
        }
        if (logo != null && !isImage(logo)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "company.logo.format", "logo");
        }
        this.logo = logo == null || logo.length == 0 ? null : logo.clone();
    }

    private static boolean isImage(byte[] bytes) {
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
        return png || jpeg;
    }

    private static String limit(String value, int length, String field) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text != null && text.length() > length) {
            throw new BusinessException(BusinessException.Kind.INVALID, "field.tooLong", field, length);
        }
        return text;
    }

    public String getName() {
        return name;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public byte[] getLogo() {
        return logo == null ? null : logo.clone();
    }

    public boolean hasLogo() {
        return logo != null;
    }

    public long getVersion() {
        return version;
    }
}
