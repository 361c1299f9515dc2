package br.com.crm.web.shell;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads records in EL as {@code #{card.title}} or {@code #{card.title()}} from accessors found once per record
 * class. EL 5 (Jakarta EE 10) knows no records, and its method calls look the method up with
 * {@code Class.getMethods()} on every evaluation: with a hundred cards on the funnel that lookup alone was a tenth
 * of the render. Methods with arguments, and anything that is not a record, go on to the standard resolvers.
 */
public class RecordELResolver extends ELResolver {

    /** The public methods without parameters of each public record class, by name. */
    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> methods = new HashMap<>();
            if (Modifier.isPublic(type.getModifiers())) {
                for (Method method : type.getMethods()) {
                    if (method.getParameterCount() == 0 && method.getDeclaringClass() != Object.class) {
                        methods.put(method.getName(), method);
                    }
                }
            }
            return Map.copyOf(methods);
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (params != null && params.length > 0) {
            return null;
        }
        return read(context, base, method);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return read(context, base, property);
    }

    private static Object read(ELContext context, Object base, Object name) {
        Method method = method(base, name);
        if (method == null) {
            return null;
        }
        try {
            Object value = method.invoke(base);
            context.setPropertyResolved(base, name);
            return value;
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    private static Method method(Object base, Object name) {
        if (base == null || name == null || !base.getClass().isRecord()) {
            return null;
        }
        return METHODS.get(base.getClass()).get(name.toString());
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (method(base, property) != null) {
            context.setPropertyResolved(base, property);
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (method(base, property) != null) {
            throw new PropertyNotWritableException("A record is read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (method(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? Object.class : null;
    }
}
